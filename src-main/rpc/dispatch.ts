import { methods, isMethodName } from '../contract/methods.ts';
import { CounterError, RpcErrors, toErrorBody } from '../contract/errors.ts';
import type { Envelope } from '../contract/bridge.ts';
import type { CallContext, Handlers } from './handlers.ts';

/**
 * The single entry every transport uses: validate the input with the contract, run the handler,
 * validate the output, and turn any failure into an error body.
 */
export async function dispatch(
  handlers: Handlers,
  name: string,
  rawInput: unknown,
  ctx: CallContext,
  onInternalError: (err: unknown, method: string) => void = () => {},
): Promise<Envelope> {
  try {
    if (!isMethodName(name)) throw RpcErrors.raise('UNKNOWN_METHOD', { method: name });
    const spec = methods[name];
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      throw RpcErrors.raise('INVALID_INPUT', { issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })) });
    }
    const handler = handlers[name] as (input: unknown, ctx: CallContext) => unknown;
    const value = await handler(parsed.data, ctx);
    const checked = spec.output.safeParse(value);
    if (!checked.success) {
      onInternalError(checked.error, name);
      throw RpcErrors.raise('INVALID_OUTPUT', { method: name });
    }
    return { ok: true, value: checked.data };
  } catch (err) {
    if (!(err instanceof CounterError)) onInternalError(err, name);
    return { ok: false, error: toErrorBody(err) };
  }
}
