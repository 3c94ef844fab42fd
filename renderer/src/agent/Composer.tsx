// The message box: Enter sends (Shift+Enter: a new line); `@` completes collections, folders,
// requests and environments; `/` at the start completes the skills; Stop while a turn runs.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useEnvironments } from '../state/environments';
import { useTree } from '../state/tree';
import { cancelTurn, sendMessage } from './agentStore';
import { mentionCandidates, SKILL_CANDIDATES } from './candidates';
import { applyCompletion, completionAt, mentionsInText, rankCandidates, type AttachedMention, type CompletionQuery, type MentionCandidate } from './composerText';
import type { ChatTurn } from './turnReducer';

interface Option {
  key: string;
  label: string;
  detail: string;
  insert: string;
  mention?: MentionCandidate;
}

export function Composer({ busy }: { busy: ChatTurn | undefined }) {
  const [text, setText] = useState('');
  const [caret, setCaret] = useState(0);
  const [attached, setAttached] = useState<AttachedMention[]>([]);
  const [selected, setSelected] = useState(0);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  const nodes = useTree((s) => s.nodes);
  const byId = useTree((s) => s.byId);
  const environments = useEnvironments((s) => s.environments);

  useEffect(() => {
    const focus = () => box.current?.focus();
    window.addEventListener('courier:focus-agent', focus);
    return () => window.removeEventListener('courier:focus-agent', focus);
  }, []);

  const query: CompletionQuery | null = completionAt(text, caret);
  const queryKey = query ? `${query.type}:${query.start}` : null;
  const allMentions = useMemo(() => (query?.type === 'mention' ? mentionCandidates(nodes, byId, environments) : []), [query?.type, nodes, byId, environments]);
  const options: Option[] = !query || queryKey === dismissed
    ? []
    : query.type === 'skill'
      ? rankCandidates(SKILL_CANDIDATES, `/${query.query}`).map((s) => ({ key: s.skill, label: s.label, detail: s.detail, insert: s.label }))
      : rankCandidates(allMentions, query.query).map((m) => ({ key: `${m.kind}:${m.id}`, label: m.label, detail: m.detail, insert: `@${m.label}`, mention: m }));
  const active = Math.min(selected, Math.max(0, options.length - 1));

  const setFromBox = (value: string, at: number) => {
    setText(value);
    setCaret(at);
    setSelected(0);
  };

  const accept = (option: Option) => {
    if (!query) return;
    const next = applyCompletion(text, query.start, caret, option.insert);
    if (option.mention) setAttached((list) => [...list, option.mention!]);
    setFromBox(next.text, next.caret);
    requestAnimationFrame(() => {
      box.current?.focus();
      box.current?.setSelectionRange(next.caret, next.caret);
    });
  };

  const submit = () => {
    if (busy || !text.trim()) return;
    void sendMessage(text, mentionsInText(text, attached));
    setFromBox('', 0);
    setAttached([]);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (options.length) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        setSelected((active + (e.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length);
        return;
      }
      if (e.key === 'Enter' || e.key === 'Tab') {
        e.preventDefault();
        accept(options[active]);
        return;
      }
      if (e.key === 'Escape') {
        e.preventDefault();
        setDismissed(queryKey);
        return;
      }
    }
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      submit();
    }
  };

  const listLabel = query?.type === 'skill' ? 'Skills' : 'Mentions';
  return (
    <div className="agent-composer">
      {options.length > 0 && (
        <ul className="agent-completions" role="listbox" aria-label={listLabel} id="agent-completions">
          {options.map((o, i) => (
            <li
              key={o.key}
              role="option"
              id={`agent-completion-${i}`}
              aria-selected={i === active}
              className={i === active ? 'active' : ''}
              onMouseDown={(e) => {
                e.preventDefault();
                accept(o);
              }}
            >
              <span className="agent-completion-label">{o.label}</span>
              <span className="agent-completion-detail">{o.detail}</span>
            </li>
          ))}
        </ul>
      )}
      <textarea
        ref={box}
        className="input agent-input"
        aria-label="Message the agent"
        placeholder="Ask the agent… (@ to mention, / for skills)"
        rows={3}
        value={text}
        role="combobox"
        aria-expanded={options.length > 0}
        aria-controls="agent-completions"
        aria-autocomplete="list"
        aria-activedescendant={options.length ? `agent-completion-${active}` : undefined}
        onChange={(e) => setFromBox(e.target.value, e.target.selectionStart)}
        onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
      />
      <div className="agent-composer-actions">
        {busy ? (
          <button type="button" className="button danger small" disabled={busy.id.startsWith('pending-')} onClick={() => void cancelTurn(busy.id)}>
            Stop
          </button>
        ) : (
          <button type="button" className="button primary small" disabled={!text.trim()} onClick={submit}>
            Send
          </button>
        )}
      </div>
    </div>
  );
}
