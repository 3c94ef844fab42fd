// Settings → AI, kept in the workspace (kv 'ai.settings'); a stored value that no longer passes the
// schema falls back to the defaults rather than breaking Agent Mode.
import { AiSettings, type AiSettingsPatch } from '../../../shared/contract-agent.js';
import type { Workspace } from '../store/workspace.js';

const KEY = 'ai.settings';

export function readAiSettings(workspace: Workspace): AiSettings {
  const raw = workspace.getKv(KEY);
  if (raw) {
    try {
      const parsed = AiSettings.safeParse(JSON.parse(raw));
      if (parsed.success) return parsed.data;
    } catch {
      // damaged JSON: defaults below
    }
  }
  return AiSettings.parse({});
}

export function updateAiSettings(workspace: Workspace, patch: AiSettingsPatch): AiSettings {
  const current = readAiSettings(workspace);
  const next = AiSettings.parse({
    ...current,
    ...patch,
    azure: { ...current.azure, ...patch.azure },
    approval: { ...current.approval, ...patch.approval },
  });
  workspace.setKv(KEY, JSON.stringify(next));
  return next;
}
