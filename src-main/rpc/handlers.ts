import type { MethodName, MethodOutput, MethodParsedInput } from '../contract/methods.ts';
import type { HostKind } from '../contract/app.ts';

/** Who is calling, as established by the transport (never by the caller's own claims). */
export interface CallContext {
  host: HostKind;
  /** Signed-in user id, once users exist; undefined before sign-in. */
  userId?: string;
}

export type Handler<M extends MethodName> = (
  input: MethodParsedInput<M>,
  ctx: CallContext,
) => Promise<MethodOutput<M>> | MethodOutput<M>;

export type Handlers = { [M in MethodName]: Handler<M> };

/** A service contributes the handlers of the methods it owns. */
export type HandlersOf<M extends MethodName> = { [K in M]: Handler<K> };
