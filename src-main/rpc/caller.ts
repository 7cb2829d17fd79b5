import { CounterError } from '../contract/errors.ts';
import type { Envelope } from '../contract/bridge.ts';
import type { MethodInput, MethodName, MethodOutput } from '../contract/methods.ts';

/** A typed call into the contract that throws the CounterError an envelope carries. */
export type Caller = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>;

export function typedCaller(call: (method: string, input: unknown) => Promise<Envelope>): Caller {
  return async (method, input) => {
    const r = await call(method, input);
    if (!r.ok) throw CounterError.fromBody(r.error);
    return r.value as never;
  };
}
