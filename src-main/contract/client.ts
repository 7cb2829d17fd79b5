import { CounterError, RpcErrors } from './errors.ts';
import type { CounterBridge } from './bridge.ts';
import type { MethodInput, MethodName, MethodOutput } from './methods.ts';
import type { EventName, EventPayload } from './events.ts';

/** The typed client the renderer (and tests) use on top of any bridge. */
export interface CounterClient {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export function createClient(bridge: CounterBridge): CounterClient {
  return {
    async call(method, input) {
      let envelope;
      try {
        envelope = await bridge.invoke(method, input);
      } catch {
        throw RpcErrors.raise('DISCONNECTED');
      }
      if (envelope.ok) return envelope.value as never;
      throw CounterError.fromBody(envelope.error);
    },
    on(event, listener) {
      return bridge.subscribe((name, payload) => {
        if (name === event) listener(payload as never);
      });
    },
  };
}
