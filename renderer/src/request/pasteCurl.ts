// A cURL command pasted into the URL bar turns the tab into that request (method, URL, params,
// headers, body, auth, settings), with the same parser as the cURL importer and the agent.
import { curlToRequest } from '../../../shared/curl/curl-to-request';
import { looksLikeCurl } from '../../../shared/curl/parse-curl';
import { notify, notifyError } from '../state/toasts';
import { editRequest } from './requestDraft';

/** Whether the pasted text was a cURL command (and so was taken). */
export function pasteCurl(tabId: string, text: string): boolean {
  if (!looksLikeCurl(text)) return false;
  try {
    const { request, ignored } = curlToRequest(text, { authFromHeader: true });
    editRequest(tabId, () => request);
    notify(`Imported the cURL command${ignored.length ? ` (ignored ${ignored.join(', ')})` : ''}`, 'success');
  } catch (err) {
    notifyError(err, 'Could not read the cURL command');
  }
  return true;
}
