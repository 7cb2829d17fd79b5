import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { CliCommand, ParsedArgs } from './command.ts';
import { CliErrors } from './errors.ts';
import { usageSpec, type UsageSpec } from './usage-spec.ts';

/** Accepted by every command, before or after the command words. */
export const GLOBAL_OPTIONS = {
  json: { type: 'boolean' },
  training: { type: 'boolean' },
  'data-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

export type CommandLine =
  | { kind: 'help'; command?: CliCommand; globals: ParsedArgs['flags'] }
  | { kind: 'version'; globals: ParsedArgs['flags'] }
  | { kind: 'run'; command: CliCommand; args: ParsedArgs; globals: ParsedArgs['flags'] };

type Options = NonNullable<ParseArgsConfig['options']>;

const specCache = new WeakMap<CliCommand, UsageSpec>();
export function commandSpec(c: CliCommand): UsageSpec {
  let s = specCache.get(c);
  if (!s) specCache.set(c, (s = usageSpec(c.usage, c.words)));
  return s;
}

/** Every option any command knows, so that the command words can be found wherever flags stand. */
function unionOptions(commands: readonly CliCommand[]): Options {
  const all: Options = {};
  for (const c of commands) Object.assign(all, commandSpec(c).options);
  return { ...all, ...GLOBAL_OPTIONS };
}

function findCommand(commands: readonly CliCommand[], positionals: string[]): CliCommand | undefined {
  return commands
    .filter((c) => c.words.every((w, i) => positionals[i] === w))
    .sort((a, b) => b.words.length - a.words.length)[0];
}

/** Edit distance, to suggest the option a misspelt one was meant to be. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j] as number;
      row[j] = Math.min(cur + 1, (row[j - 1] as number) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length] as number;
}

function suggest(word: string, candidates: string[]): string | undefined {
  const best = candidates.map((c) => ({ c, d: distance(word, c) })).sort((x, y) => x.d - y.d)[0];
  return best && best.d <= Math.max(1, Math.floor(word.length / 3)) ? best.c : undefined;
}

/** Node's parseArgs errors, turned into the CLI's coded ones. */
function strictParse(argv: string[], options: Options, usage: string): { values: ParsedArgs['flags']; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, strict: true, allowPositionals: true });
    return { values: values as ParsedArgs['flags'], positionals };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const option = /'(-[^' ]+)/.exec((err as Error).message)?.[1];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const name = option?.replace(/^-+/, '').split('=')[0] ?? '';
      const near = suggest(name, Object.keys(options));
      throw CliErrors.raise('CLI_UNKNOWN_OPTION', { option, ...(near ? { didYouMean: `--${near}` } : {}), usage });
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw CliErrors.raise('CLI_OPTION_VALUE', { option, usage });
    throw err;
  }
}

/**
 * `counter [global options] WORDS… [options]`: finds the command, then parses strictly with the
 * options its usage line names (plus the global ones), so a misspelt flag is refused, not ignored.
 */
export function parseCommandLine(argv: string[], commands: readonly CliCommand[]): CommandLine {
  const loose = parseArgs({ args: argv, options: unionOptions(commands), strict: false, allowPositionals: true });
  const globals = loose.values as ParsedArgs['flags'];
  const words = loose.positionals;
  if (words[0] === 'help') {
    const command = findCommand(commands, words.slice(1));
    if (words.length > 1 && !command) throw CliErrors.raise('CLI_UNKNOWN_COMMAND', { command: words.slice(1).join(' ') });
    return { kind: 'help', command, globals };
  }
  if (globals.version === true) return { kind: 'version', globals };
  const command = findCommand(commands, words);
  if (!command) {
    if (words.length === 0) {
      strictParse(argv, GLOBAL_OPTIONS, 'counter help');
      return { kind: 'help', globals };
    }
    const near = commands.filter((c) => c.words[0] === words[0]).map((c) => `counter ${c.words.join(' ')}`);
    throw CliErrors.raise('CLI_UNKNOWN_COMMAND', { command: words.join(' '), ...(near.length ? { commands: near } : {}) });
  }
  const spec = commandSpec(command);
  const parsed = strictParse(argv, { ...spec.options, ...GLOBAL_OPTIONS }, command.usage);
  if (parsed.values.help === true) return { kind: 'help', command, globals: parsed.values };
  const positionals = parsed.positionals.slice(command.words.length);
  const missing = spec.required.filter((name) => typeof parsed.values[name] !== 'string');
  if (missing.length || positionals.length < spec.minPositionals) {
    throw CliErrors.raise('CLI_MISSING_ARGUMENT', { ...(missing.length ? { options: missing.map((m) => `--${m}`) } : {}), usage: command.usage });
  }
  if (positionals.length > spec.maxPositionals) throw CliErrors.raise('CLI_TOO_MANY_ARGUMENTS', { extra: positionals.slice(spec.maxPositionals), usage: command.usage });
  return { kind: 'run', command, args: { positionals, flags: parsed.values }, globals: parsed.values };
}
