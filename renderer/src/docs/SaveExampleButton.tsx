// "Save as example" beside a response's status: keeps the active request tab's response as an
// example of its saved request, named by its status ("200 OK"); rename it in the request's Docs tab.
import type { HttpResponse } from '../../../shared/model';
import { saveExample } from '../state/examples';
import { useTabs } from '../state/tabs';
import { notify } from '../state/toasts';
import { exampleBody } from './ExamplesPanel';

export function SaveExampleButton({ response }: { response: HttpResponse }) {
  const requestId = useTabs((s) => {
    const tab = s.tabs.find((t) => t.id === s.activeId);
    return tab?.kind === 'request' ? tab.itemId : null;
  });
  const body = exampleBody(response);
  const why = !requestId ? 'Save the request first' : body === null ? 'Only text bodies can be saved as examples' : 'Keep this response as an example of the request';
  const save = async () => {
    if (!requestId || body === null) return;
    const name = `${response.status} ${response.statusText}`.trim();
    const ok = await saveExample({ requestId, name, status: response.status, statusText: response.statusText, headers: response.headers, body });
    if (ok) notify(`Saved the example “${name}” (see the Docs tab)`, 'success');
  };
  return (
    <button className="button small" title={why} disabled={!requestId || body === null} onClick={() => void save()}>
      Save as example
    </button>
  );
}
