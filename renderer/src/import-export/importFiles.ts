// Import of Postman files the user picked or dropped: each file through formats.import on its own,
// so one bad file is reported by name and the others still come in.
import { rpc } from '../rpc';
import { errorMessage } from '../state/toasts';
import type { ImportOutcome } from './describeCreated';

/** Reads and imports the files one after another. */
export async function importFiles(files: readonly File[]): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  for (const file of files) {
    try {
      const text = await file.text();
      const { created, warnings } = await rpc['formats.import']({ fileName: file.name, text });
      outcomes.push({ fileName: file.name, ok: true, created, warnings });
    } catch (err) {
      const message = errorMessage(err);
      const named = `${file.name}: `;
      outcomes.push({ fileName: file.name, ok: false, error: message.startsWith(named) ? message.slice(named.length) : message });
    }
  }
  return outcomes;
}
