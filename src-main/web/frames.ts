import type { Envelope } from '../contract/bridge.ts';

export interface ClientFrame {
  id: number;
  method: string;
  input: unknown;
}

export type ServerFrame =
  | { type: 'result'; id: number; result: Envelope }
  | { type: 'event'; event: string; payload: unknown }
  | { type: 'protocol-error'; message: string };

/** A frame from the browser is untrusted text; anything not shaped like a call is dropped. */
export function parseClientFrame(text: string): ClientFrame | undefined {
  try {
    const v = JSON.parse(text) as Partial<ClientFrame>;
    if (typeof v.id !== 'number' || typeof v.method !== 'string') return undefined;
    return { id: v.id, method: v.method, input: v.input };
  } catch {
    return undefined;
  }
}
