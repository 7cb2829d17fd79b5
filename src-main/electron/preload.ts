import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, type CounterBridge, type Envelope } from '../contract/bridge.ts';

/**
 * The sandboxed preload exposes exactly the bridge interface and nothing of ipcRenderer itself;
 * validation happens in the main process.
 */
const bridge: CounterBridge = {
  invoke: (method, input) => ipcRenderer.invoke(IPC_CALL_CHANNEL, method, input) as Promise<Envelope>,
  subscribe(listener) {
    const handler = (_e: unknown, event: string, payload: unknown) => listener(event, payload);
    ipcRenderer.on(IPC_EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, handler);
    };
  },
};

contextBridge.exposeInMainWorld('counter', bridge);
