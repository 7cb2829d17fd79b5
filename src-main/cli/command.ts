import type { Core } from '../core.ts';
import { CounterError } from '../contract/errors.ts';
import type { MethodInput, MethodName, MethodOutput } from '../contract/methods.ts';

export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, string | boolean>;
}

export interface CommandResult {
  /** What `--json` prints. */
  data: unknown;
  /** What a person reads. */
  text: string;
}

/** One `counter` subcommand: the words that select it, and what it does with the same Core. */
export interface CliCommand {
  words: string[];
  usage: string;
  summary: string;
  run(ctx: CliContext, args: ParsedArgs): Promise<CommandResult>;
}

export interface CliContext {
  core: Core;
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
}

export function cliContext(core: Core): CliContext {
  return {
    core,
    async call(method, input) {
      const r = await core.call(method, input, { host: 'cli' });
      if (!r.ok) throw CounterError.fromBody(r.error);
      return r.value as never;
    },
  };
}

export function flagString(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags[name];
  return typeof v === 'string' ? v : undefined;
}
