// The one question every AI element asks before it shows itself: is AI on? False until the AI
// settings have loaded, so nothing flashes on screen for a user who turned AI off.
import { useAiSettings } from '../state/aiSettings';

export function useAiEnabled(): boolean {
  return useAiSettings((s) => s.view?.enabled === true);
}

/** The same, outside React (shortcuts, actions). */
export function aiEnabled(): boolean {
  return useAiSettings.getState().view?.enabled === true;
}
