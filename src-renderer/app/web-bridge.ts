import type { CounterBridge, Envelope } from '../../src-main/contract/bridge.ts';

const TOKEN_KEY = 'counter.token';

/** Takes the per-start token from the URL fragment once, then keeps it for reloads of this tab only. */
function takeToken(): string {
  const m = /token=([A-Za-z0-9_-]+)/.exec(location.hash);
  if (m?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, m[1]);
    history.replaceState(null, '', location.pathname);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/**
 * The web host's implementation of the same bridge the Electron preload exposes, over one WebSocket
 * with reconnection. Calls made while disconnected wait for the socket instead of failing at once.
 */
export function createWebBridge(): CounterBridge {
  const token = takeToken();
  const pending = new Map<number, (e: Envelope) => void>();
  const listeners = new Set<(event: string, payload: unknown) => void>();
  let nextId = 1;
  let socket: WebSocket | undefined;
  let ready: Promise<WebSocket>;
  let retryMs = 250;

  const connect = (): Promise<WebSocket> =>
    new Promise((resolve) => {
      const ws = new WebSocket(`ws://${location.host}/rpc?token=${encodeURIComponent(token)}`);
      ws.onopen = () => {
        socket = ws;
        retryMs = 250;
        resolve(ws);
      };
      ws.onmessage = (msg) => {
        const frame = JSON.parse(String(msg.data)) as
          | { type: 'result'; id: number; result: Envelope }
          | { type: 'event'; event: string; payload: unknown };
        if (frame.type === 'result') {
          pending.get(frame.id)?.(frame.result);
          pending.delete(frame.id);
        } else if (frame.type === 'event') {
          for (const l of listeners) l(frame.event, frame.payload);
        }
      };
      ws.onclose = () => {
        socket = undefined;
        for (const [id, settle] of pending) {
          settle({ ok: false, error: { code: 'DISCONNECTED', message: { vi: 'Mất kết nối tới máy chủ ứng dụng.', en: 'Lost connection to the app core.' } } });
          pending.delete(id);
        }
        setTimeout(() => {
          ready = connect();
          void ready.then(resolve);
        }, retryMs);
        retryMs = Math.min(retryMs * 2, 5000);
      };
    });
  ready = connect();

  return {
    async invoke(method, input) {
      const ws = socket ?? (await ready);
      const id = nextId++;
      return new Promise<Envelope>((resolve) => {
        pending.set(id, resolve);
        ws.send(JSON.stringify({ id, method, input }));
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
