import type { Body } from '../../../../shared/model';
import { editRequest } from '../requestDraft';
import { FilePicker } from './FilePicker';

type Binary = Extract<Body, { mode: 'binary' }>;

export function BinaryBody({ tabId, body }: { tabId: string; body: Binary }) {
  return (
    <div className="section-pad binary-body">
      <p className="muted">The file is sent as the whole request body.</p>
      <FilePicker
        label="Body file"
        fileName={body.fileName || (body.filePath ? body.filePath.split(/[\\/]/).pop() : undefined)}
        onPicked={(f) =>
          editRequest(tabId, (r) => ({ ...r, body: { mode: 'binary', filePath: f.path, fileName: f.name, contentType: f.contentType } }))
        }
      />
    </div>
  );
}
