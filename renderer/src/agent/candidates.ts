// What `@` and `/` offer: the workspace's collections, folders, requests and environments (from
// the tree and environment stores, already loaded), and the slash skills with their one-liners.
import type { AgentSkill } from '../../../shared/contract-agent';
import { SKILLS } from '../../../shared/agent/skills';
import type { Environment, TreeNode } from '../../../shared/model';
import { ancestorsOf } from '../state/tree';
import type { MentionCandidate } from './composerText';

export function mentionCandidates(nodes: TreeNode[], byId: Map<string, TreeNode>, environments: Environment[]): MentionCandidate[] {
  const items = nodes.map((n) => ({
    kind: n.kind,
    id: n.id,
    label: n.name,
    detail: [n.kind === 'request' ? `${n.method ?? 'GET'} request` : n.kind, ...ancestorsOf(n.id, byId).reverse().map((a) => a.name)].join(' · '),
  }));
  const envs = environments.map((e) => ({ kind: 'environment' as const, id: e.id, label: e.name, detail: 'environment' }));
  return [...items, ...envs];
}

export interface SkillCandidate {
  skill: AgentSkill;
  label: string;
  detail: string;
}

export const SKILL_CANDIDATES: SkillCandidate[] = (Object.keys(SKILLS) as AgentSkill[]).map((skill) => ({
  skill,
  label: `/${skill}`,
  detail: SKILLS[skill].summary,
}));
