// A row of tabs (role="tablist") for sections of an editor or viewer. Arrow keys move between tabs.
import type { KeyboardEvent, ReactNode } from 'react';

export interface TabSpec<K extends string> {
  key: K;
  label: ReactNode;
  count?: number;
  /** Accessible name when the label alone would be ambiguous. */
  ariaLabel?: string;
}

interface Props<K extends string> {
  tabs: TabSpec<K>[];
  active: K;
  onChange: (key: K) => void;
  label: string;
  idPrefix: string;
  trailing?: ReactNode;
}

export function TabStrip<K extends string>({ tabs, active, onChange, label, idPrefix, trailing }: Props<K>) {
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const i = tabs.findIndex((t) => t.key === active);
    const next = tabs[(i + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
    onChange(next.key);
    document.getElementById(`${idPrefix}-tab-${next.key}`)?.focus();
  };
  return (
    <div className="tabstrip">
      <div role="tablist" aria-label={label} className="tabstrip-tabs" onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <button
            key={t.key}
            id={`${idPrefix}-tab-${t.key}`}
            role="tab"
            aria-selected={t.key === active}
            aria-controls={`${idPrefix}-panel-${t.key}`}
            aria-label={t.ariaLabel}
            tabIndex={t.key === active ? 0 : -1}
            className={`tabstrip-tab ${t.key === active ? 'active' : ''}`}
            onClick={() => onChange(t.key)}
          >
            {t.label}
            {t.count ? <span className="tab-count">{t.count}</span> : null}
          </button>
        ))}
      </div>
      {trailing && <div className="tabstrip-trailing">{trailing}</div>}
    </div>
  );
}

export function TabPanel({ idPrefix, tabKey, active, children, className }: { idPrefix: string; tabKey: string; active: boolean; children: ReactNode; className?: string }) {
  return (
    <div
      role="tabpanel"
      id={`${idPrefix}-panel-${tabKey}`}
      aria-labelledby={`${idPrefix}-tab-${tabKey}`}
      hidden={!active}
      className={`tabpanel ${className ?? ''}`}
    >
      {children}
    </div>
  );
}
