// Shows its children only while AI is on (Settings → AI): for AI elements owned elsewhere, such as
// the credit meter in the top bar.
import type { ReactNode } from 'react';
import { useAiEnabled } from './useAiEnabled';

export function AiOnly({ children }: { children: ReactNode }) {
  return useAiEnabled() ? <>{children}</> : null;
}
