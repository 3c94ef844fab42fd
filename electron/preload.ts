// The preload: the only bridge between the sandboxed UI and the main process. It exposes two
// functions and only for the contract's channels and events; no Node, no ipcRenderer, no Electron
// object reaches the page.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNEL_NAMES, EVENT_CHANNEL, EVENT_NAMES } from '../shared/channel-names.js';

const channels = new Set<string>(CHANNEL_NAMES);
const eventNames = new Set<string>(EVENT_NAMES);

contextBridge.exposeInMainWorld('courier', {
  host: 'electron',
  invoke(channel: string, input: unknown): Promise<unknown> {
    if (!channels.has(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `Unknown channel ${channel}` } });
    }
    return ipcRenderer.invoke(channel, input);
  },
  on(event: string, callback: (payload: unknown) => void): () => void {
    if (!eventNames.has(event)) throw new Error(`Unknown event ${event}`);
    const listener = (_e: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) callback(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, listener);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, listener);
  },
});
