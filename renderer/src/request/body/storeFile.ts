// Reads a file the user picked and stores it in the workspace (files.store); the request keeps
// the returned path.
import { rpc } from '../../rpc';
import { attempt } from '../../state/toasts';

export interface StoredFile {
  path: string;
  name: string;
  size: number;
  contentType: string;
}

const MAX_BYTES = 150 * 1024 * 1024;

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error(`Could not read ${file.name}`));
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

export async function storePickedFile(file: File): Promise<StoredFile | undefined> {
  return attempt(async () => {
    if (file.size > MAX_BYTES) throw new Error(`${file.name} is larger than 150 MB, the most a request body file can be.`);
    const base64 = await readAsBase64(file);
    const stored = await rpc['files.store']({ name: file.name, base64 });
    return { ...stored, contentType: file.type || 'application/octet-stream' };
  }, 'Could not attach the file');
}
