// "Export" on a collection: formats.export (Postman v2.1) saved as a download.
import { rpc } from '../rpc';
import { attempt } from '../state/toasts';
import { downloadText } from './download';

export async function exportCollection(collectionId: string): Promise<void> {
  const file = await attempt(() => rpc['formats.export']({ collectionId, format: 'postman' }), 'Could not export the collection');
  if (file) downloadText(file.fileName, file.text);
}
