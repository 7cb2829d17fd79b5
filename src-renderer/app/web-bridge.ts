import type { CounterBridge, Envelope } from '../../src-main/contract/bridge.ts';
import { MAX_RPC_FRAME_BYTES, TransferErrors } from '../../src-main/contract/transfer.ts';

const TOKEN_KEY = 'counter.token';

/** Takes the per-start token from the URL fragment once, then keeps it for reloads of this tab only. */
export function takeToken(): string {
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
      ws.onclose = (ev) => {
        socket = undefined;
        // 1009: the host refused a frame over its limit; say so instead of "connection lost".
        const error = ev.code === 1009
          ? TransferErrors.raise('FRAME_TOO_LARGE').toBody()
          : { code: 'DISCONNECTED', message: { vi: 'Mất kết nối tới máy chủ ứng dụng.', en: 'Lost connection to the app core.' } };
        for (const [id, settle] of pending) {
          settle({ ok: false, error });
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
      const id = nextId++;
      const frame = JSON.stringify({ id, method, input });
      // Refused here so one oversized call does not cost every other pending call its socket.
      if (new Blob([frame]).size > MAX_RPC_FRAME_BYTES) return { ok: false, error: TransferErrors.raise('FRAME_TOO_LARGE').toBody() };
      const ws = socket ?? (await ready);
      return new Promise<Envelope>((resolve) => {
        pending.set(id, resolve);
        ws.send(frame);
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
