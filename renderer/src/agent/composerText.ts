// The composer's text rules, pure: which completion the caret is in (an `@` mention or a `/skill`
// at the start), putting a completion in, and which attached mentions the text still names.
import { parseSkill } from '../../../shared/agent/skills';
import type { AgentSkill, Mention } from '../../../shared/contract-agent';

export type MentionKind = Mention['kind'];

export interface MentionCandidate {
  kind: MentionKind;
  id: string;
  /** The name put after the `@`. */
  label: string;
  /** Where it lives ("Demo API / Users"), shown under the name. */
  detail: string;
}

export type AttachedMention = MentionCandidate;

export type CompletionQuery = { type: 'mention' | 'skill'; start: number; query: string };

/**
 * The completion the caret is in: `@que|` (an @ at the start or after a space, then no space) or
 * `/sk|` as the message's first word. null: none.
 */
export function completionAt(text: string, caret: number): CompletionQuery | null {
  const before = text.slice(0, caret);
  const skill = /^\s*\/([a-z]*)$/i.exec(before);
  if (skill) return { type: 'skill', start: before.lastIndexOf('/'), query: skill[1].toLowerCase() };
  const mention = /(^|\s)@([^\s@]*)$/.exec(before);
  if (mention) return { type: 'mention', start: caret - mention[2].length - 1, query: mention[2] };
  return null;
}

/** Replaces text[start, caret) with `insert` and a space; answers the new text and caret. */
export function applyCompletion(text: string, start: number, caret: number, insert: string): { text: string; caret: number } {
  const after = text.slice(caret);
  const spaced = after.startsWith(' ') ? insert : `${insert} `;
  const next = text.slice(0, start) + spaced + after;
  return { text: next, caret: start + spaced.length + (after.startsWith(' ') ? 1 : 0) };
}

/** The candidates that match a query, best first: names starting with it, then containing it. */
export function rankCandidates<T extends { label: string }>(candidates: T[], query: string, limit = 8): T[] {
  const q = query.toLowerCase();
  const scored: { c: T; score: number; i: number }[] = [];
  candidates.forEach((c, i) => {
    const name = c.label.toLowerCase();
    const score = q === '' ? 1 : name.startsWith(q) ? 0 : name.includes(q) ? 1 : -1;
    if (score >= 0) scored.push({ c, score, i });
  });
  scored.sort((a, b) => a.score - b.score || a.i - b.i);
  return scored.slice(0, limit).map((s) => s.c);
}

/** The attached mentions whose `@label` is still in the text, once each, as the contract wants them. */
export function mentionsInText(text: string, attached: AttachedMention[]): Mention[] {
  const seen = new Set<string>();
  const out: Mention[] = [];
  for (const m of attached) {
    const key = `${m.kind}:${m.id}`;
    if (seen.has(key) || !text.includes(`@${m.label}`)) continue;
    seen.add(key);
    out.push({ kind: m.kind, id: m.id });
  }
  return out;
}

/** `/test write more` → 'test'; anything else null (the same parser as the backend's, so a new skill shows at once). */
export function skillOf(text: string): AgentSkill | null {
  return parseSkill(text).skill;
}
