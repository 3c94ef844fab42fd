// Conversations and their turns in the workspace (migration 004): the history list, a reopened
// conversation, feedback, and the finished-turn record the credits meter books from.
import type Database from 'better-sqlite3';
import type { AgentSkill, AgentTurn, Checkpoint, ConversationSummary, Mention, ToolStep } from '../../../../shared/contract-agent.js';
import { notFound } from '../../../../shared/errors.js';
import type { ModelCallRecord } from '../turn-meter.js';
import type { RowSnapshot } from '../checkpoint.js';

export type TranscriptMessage = Record<string, unknown>;

interface TurnRow {
  id: string;
  conversation_id: string;
  status: AgentTurn['status'];
  skill: AgentSkill | null;
  message: string;
  mentions_json: string;
  answer: string;
  error: string | null;
  steps_json: string;
  checkpoint_json: string;
  model: string;
  feedback: 'up' | 'down' | null;
  undone_at: string | null;
  created_at: string;
  finished_at: string | null;
}

export interface FinishedTurn {
  id: string;
  status: 'completed' | 'cancelled' | 'failed';
  answer: string;
  error: string | null;
  steps: ToolStep[];
  checkpoint: Checkpoint;
  snapshots: RowSnapshot[];
  transcript: TranscriptMessage[];
  calls: ModelCallRecord[];
  finishedAt: string;
}

const parse = <T>(json: string, fallback: T): T => {
  try {
    return JSON.parse(json) as T;
  } catch {
    return fallback;
  }
};

export class ConversationStore {
  constructor(private readonly db: Database.Database) {}

  /** Turns a crash left 'running' are marked failed, so the history does not show them as live. */
  markInterrupted(): void {
    this.db
      .prepare("UPDATE agent_turns SET status = 'failed', error = 'Courier stopped while this turn was running', finished_at = ? WHERE status = 'running'")
      .run(new Date().toISOString());
  }

  createConversation(id: string, title: string, now: string): void {
    this.db.prepare('INSERT INTO agent_conversations (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)').run(id, title, now, now);
  }

  exists(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM agent_conversations WHERE id = ?').pluck().get(id) !== undefined;
  }

  startTurn(t: { id: string; conversationId: string; skill: AgentSkill | null; message: string; mentions: Mention[]; model: string; now: string }): void {
    this.db
      .prepare(
        "INSERT INTO agent_turns (id, conversation_id, status, skill, message, mentions_json, model, created_at) VALUES (?, ?, 'running', ?, ?, ?, ?, ?)",
      )
      .run(t.id, t.conversationId, t.skill, t.message, JSON.stringify(t.mentions), t.model, t.now);
    this.db.prepare('UPDATE agent_conversations SET updated_at = ? WHERE id = ?').run(t.now, t.conversationId);
  }

  /** Progress kept while the turn runs, so a killed process still knows what to undo. */
  saveProgress(turnId: string, steps: ToolStep[], snapshots: RowSnapshot[]): void {
    this.db.prepare('UPDATE agent_turns SET steps_json = ?, snapshots_json = ? WHERE id = ?').run(JSON.stringify(steps), JSON.stringify(snapshots), turnId);
  }

  /** The finished turn and its model calls; the caller runs this inside its transaction. */
  finishTurn(t: FinishedTurn): void {
    this.db
      .prepare(
        'UPDATE agent_turns SET status = ?, answer = ?, error = ?, steps_json = ?, checkpoint_json = ?, snapshots_json = ?, transcript_json = ?, finished_at = ? WHERE id = ?',
      )
      .run(t.status, t.answer, t.error, JSON.stringify(t.steps), JSON.stringify(t.checkpoint), JSON.stringify(t.snapshots), JSON.stringify(t.transcript), t.finishedAt, t.id);
    const insert = this.db.prepare('INSERT INTO agent_model_calls (turn_id, seq, input_tokens, output_tokens, asset_write) VALUES (?, ?, ?, ?, ?)');
    t.calls.forEach((c, i) => insert.run(t.id, i, c.inputTokens, c.outputTokens, c.assetWrite ? 1 : 0));
  }

  /** The transcripts of a conversation's finished turns that were not undone, oldest first. */
  transcript(conversationId: string, maxTurns: number): TranscriptMessage[] {
    const rows = this.db
      .prepare("SELECT transcript_json FROM agent_turns WHERE conversation_id = ? AND status != 'running' AND undone_at IS NULL ORDER BY seq DESC LIMIT ?")
      .pluck()
      .all(conversationId, maxTurns) as string[];
    return rows.reverse().flatMap((json) => parse<TranscriptMessage[]>(json, []));
  }

  list(): ConversationSummary[] {
    const rows = this.db
      .prepare(
        'SELECT c.id, c.title, c.created_at, c.updated_at, (SELECT COUNT(*) FROM agent_turns t WHERE t.conversation_id = c.id) AS turns FROM agent_conversations c ORDER BY c.updated_at DESC, c.id',
      )
      .all() as { id: string; title: string; created_at: string; updated_at: string; turns: number }[];
    return rows.map((r) => ({ id: r.id, title: r.title, turns: r.turns, createdAt: r.created_at, updatedAt: r.updated_at }));
  }

  summary(id: string): ConversationSummary {
    const found = this.list().find((c) => c.id === id);
    if (!found) throw notFound('Conversation', id);
    return found;
  }

  turns(conversationId: string): AgentTurn[] {
    const rows = this.db.prepare('SELECT * FROM agent_turns WHERE conversation_id = ? ORDER BY seq').all(conversationId) as TurnRow[];
    return rows.map((r) => this.toTurn(r));
  }

  getTurn(turnId: string): AgentTurn & { snapshots: RowSnapshot[] } {
    const row = this.db.prepare('SELECT * FROM agent_turns WHERE id = ?').get(turnId) as (TurnRow & { snapshots_json: string }) | undefined;
    if (!row) throw notFound('Turn', turnId);
    return { ...this.toTurn(row), snapshots: parse<RowSnapshot[]>(row.snapshots_json, []) };
  }

  /** Turns of the conversation after this one that are not undone (undo goes newest first). */
  laterLiveTurns(turnId: string): string[] {
    return this.db
      .prepare(
        "SELECT id FROM agent_turns WHERE conversation_id = (SELECT conversation_id FROM agent_turns WHERE id = ?) AND seq > (SELECT seq FROM agent_turns WHERE id = ?) AND undone_at IS NULL AND snapshots_json != '[]'",
      )
      .pluck()
      .all(turnId, turnId) as string[];
  }

  markUndone(turnId: string, now: string): void {
    this.db.prepare('UPDATE agent_turns SET undone_at = ? WHERE id = ?').run(now, turnId);
  }

  setFeedback(turnId: string, rating: 'up' | 'down' | null): void {
    const r = this.db.prepare('UPDATE agent_turns SET feedback = ? WHERE id = ?').run(rating, turnId);
    if (r.changes === 0) throw notFound('Turn', turnId);
  }

  delete(id: string): void {
    const r = this.db.prepare('DELETE FROM agent_conversations WHERE id = ?').run(id);
    if (r.changes === 0) throw notFound('Conversation', id);
  }

  private toTurn(r: TurnRow): AgentTurn {
    const calls = this.db
      .prepare('SELECT input_tokens, output_tokens, asset_write FROM agent_model_calls WHERE turn_id = ? ORDER BY seq')
      .all(r.id) as { input_tokens: number; output_tokens: number; asset_write: number }[];
    return {
      id: r.id,
      conversationId: r.conversation_id,
      status: r.status,
      skill: r.skill,
      message: r.message,
      mentions: parse<Mention[]>(r.mentions_json, []),
      answer: r.answer,
      error: r.error,
      steps: parse<ToolStep[]>(r.steps_json, []),
      checkpoint: parse<Checkpoint>(r.checkpoint_json, { created: [], changed: [] }),
      calls: calls.map((c) => ({ inputTokens: c.input_tokens, outputTokens: c.output_tokens, assetWrite: c.asset_write === 1 })),
      model: r.model,
      feedback: r.feedback,
      undoneAt: r.undone_at,
      createdAt: r.created_at,
      finishedAt: r.finished_at,
    };
  }
}
