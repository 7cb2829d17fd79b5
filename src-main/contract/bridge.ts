import type { ErrorBody } from './errors.ts';

/** What a call returns over any transport; errors travel as data because IPC flattens thrown ones. */
export type Envelope = { ok: true; value: unknown } | { ok: false; error: ErrorBody };

/**
 * The only surface the renderer sees (`window.counter`). The Electron preload and the web host's
 * WebSocket bridge both implement it, so the renderer cannot tell them apart.
 */
export interface CounterBridge {
  invoke(method: string, input: unknown): Promise<Envelope>;
  subscribe(listener: (event: string, payload: unknown) => void): () => void;
}

/** Name of the single IPC channel for calls, and the one for events. */
export const IPC_CALL_CHANNEL = 'counter:call';
export const IPC_EVENT_CHANNEL = 'counter:event';
