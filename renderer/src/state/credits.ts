// The credit meter in the renderer: the last CreditMeter from the main process, kept fresh by the
// `credits.meter` push event, plus which Team Settings section is open. Alerts carried by the event
// become toasts once each per cycle (credits/alertLog.ts).
import { useEffect } from 'react';
import { create } from 'zustand';
import type { CreditMeter } from '../../../shared/contract-credits';
import type { EventPayload } from '../../../shared/contract';
import { freshAlerts, parseAlertLog } from '../credits/alertLog';
import { onEvent, rpc } from '../rpc';
import { useConnection } from '../rpc/connection';
import { attempt, useToasts } from './toasts';

export type TeamSection = 'team' | 'usage' | 'billing' | 'members';

const ALERT_LOG_KEY = 'courier.credits.alerts';

interface CreditsState {
  meter: CreditMeter | null;
  syncing: boolean;
  /** Team Settings is open at this section (null: closed). */
  teamSection: TeamSection | null;
  setMeter: (meter: CreditMeter) => void;
  load: () => Promise<void>;
  syncNow: () => Promise<void>;
  openTeam: (section: TeamSection | null) => void;
}

export const useCredits = create<CreditsState>((set, get) => ({
  meter: null,
  syncing: false,
  teamSection: null,
  setMeter: (meter) => set({ meter }),
  load: async () => {
    const meter = await attempt(() => rpc['credits.meter']({}));
    if (meter) set({ meter });
  },
  syncNow: async () => {
    if (get().syncing) return;
    set({ syncing: true });
    const meter = await attempt(() => rpc['credits.sync']({}), 'Sync failed');
    set({ syncing: false, ...(meter ? { meter } : {}) });
  },
  openTeam: (teamSection) => set({ teamSection }),
}));

function readLog() {
  try {
    return parseAlertLog(localStorage.getItem(ALERT_LOG_KEY));
  } catch {
    return [];
  }
}

/** Applies one meter event: the meter, and a toast per alert not shown yet this cycle. */
export function onMeterEvent({ meter, alerts }: EventPayload<'credits.meter'>): void {
  useCredits.getState().setMeter(meter);
  const { show, log } = freshAlerts(readLog(), meter, alerts);
  if (show.length === 0) return;
  try {
    localStorage.setItem(ALERT_LOG_KEY, JSON.stringify(log));
  } catch {
    // storage full or off: the toast still shows once now
  }
  for (const alert of show) {
    useToasts.getState().push({ kind: alert.kind === 'credits_100' ? 'error' : 'info', title: 'AI credits', message: alert.message });
  }
}

/** Loads the meter now and on every reconnect, and follows the push event. */
export function installCredits(): () => void {
  void useCredits.getState().load();
  const off = onEvent('credits.meter', onMeterEvent);
  let wasOpen = useConnection.getState().state.status === 'open';
  const unsub = useConnection.subscribe(({ state }) => {
    const open = state.status === 'open';
    if (open && !wasOpen) void useCredits.getState().load();
    wasOpen = open;
  });
  return () => {
    off();
    unsub();
  };
}

/** Keeps the meter fresh for the whole window (the top bar meter, Team Settings, Settings → AI). */
export function useCreditsFeed(): void {
  useEffect(() => installCredits(), []);
}
