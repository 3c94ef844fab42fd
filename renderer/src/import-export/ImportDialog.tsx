// "Import": pick or drop Postman files (collections, environments, globals); each is imported on
// its own and the dialog lists what it created, its warnings, or why it was refused.
import { useState } from 'react';
import '../styles/runner.css';
import { Dialog } from '../common/Dialog';
import { Icon } from '../common/Icon';
import { describeCreated, type ImportOutcome } from './describeCreated';
import { importFiles } from './importFiles';

function Outcome({ outcome }: { outcome: ImportOutcome }) {
  if (!outcome.ok) {
    return (
      <li className="import-outcome error" role="alert" data-testid="import-error">
        <strong>{outcome.fileName}</strong> was not imported: {outcome.error}
      </li>
    );
  }
  return (
    <li className="import-outcome" data-testid="import-created">
      <strong>{outcome.fileName}</strong>
      <ul>
        {outcome.created.map((c, i) => (
          <li key={i}>{describeCreated(c)}</li>
        ))}
      </ul>
      {outcome.warnings.length > 0 && (
        <ul className="import-warnings" data-testid="import-warnings">
          {outcome.warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      )}
    </li>
  );
}

export function ImportDialog({ onClose }: { onClose: () => void }) {
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);
  const [outcomes, setOutcomes] = useState<ImportOutcome[]>([]);

  const run = async (files: File[]) => {
    if (files.length === 0 || busy) return;
    setBusy(true);
    const got = await importFiles(files);
    setOutcomes((prev) => [...got, ...prev]);
    setBusy(false);
  };

  return (
    <Dialog
      title="Import"
      onClose={onClose}
      width={560}
      testId="import-dialog"
      footer={
        <button className="button primary" onClick={onClose}>
          Done
        </button>
      }
    >
      <div
        className={`import-drop ${over ? 'over' : ''}`}
        data-testid="import-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          void run([...e.dataTransfer.files]);
        }}
      >
        <Icon name="file" size={22} />
        <p>Drop Postman, OpenAPI, HAR, Insomnia or cURL files here, or</p>
        <input
          type="file"
          multiple
          accept=".json,.har,.yaml,.yml,.sh,.txt,.curl,application/json"
          aria-label="Files to import"
          disabled={busy}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            void run(files);
          }}
        />
        {busy && <p className="muted">Importing…</p>}
      </div>
      {outcomes.length > 0 && (
        <ul className="import-outcomes" aria-label="Import results">
          {outcomes.map((o, i) => (
            <Outcome key={outcomes.length - i} outcome={o} />
          ))}
        </ul>
      )}
    </Dialog>
  );
}
