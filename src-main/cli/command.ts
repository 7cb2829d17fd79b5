import type { Core } from '../core.ts';
import { typedCaller, type Caller } from '../rpc/caller.ts';

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
  call: Caller;
}

export function cliContext(core: Core): CliContext {
  return { core, call: typedCaller((method, input) => core.call(method, input, { host: 'cli' })) };
}

export function flagString(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags[name];
  return typeof v === 'string' ? v : undefined;
}
