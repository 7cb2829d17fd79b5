import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCommandLine, commandSpec, GLOBAL_OPTIONS, type CommandLine } from '../../../src-main/cli/parse-args.ts';
import { allCommands } from '../../../src-main/cli/commands/all.ts';
import { CounterError } from '../../../src-main/contract/errors.ts';

/** What a command line comes to, in a form a table can state. */
function outcome(argv: string[]): Record<string, unknown> {
  let line: CommandLine;
  try {
    line = parseCommandLine(argv, allCommands);
  } catch (err) {
    if (!(err instanceof CounterError)) throw err;
    return { error: err.code, details: err.details };
  }
  if (line.kind === 'run') return { run: line.command.words.join(' '), positionals: line.args.positionals, flags: line.args.flags };
  if (line.kind === 'help') return { help: line.command?.words.join(' ') ?? 'all' };
  return { version: true };
}

describe('counter command-line parsing', () => {
  it.each<[string, string[], Record<string, unknown>]>([
    ['a global flag before the command words', ['--training', 'dossiers', 'list'], { run: 'dossiers list', positionals: [], flags: { training: true } }],
    ['global flags after and between the words', ['dossiers', '--json', 'list', '--training', '--limit', '5'], { run: 'dossiers list', flags: { json: true, training: true, limit: '5' } }],
    ['--data-dir before the command', ['--data-dir', '/tmp/x', 'info'], { run: 'info', flags: { 'data-dir': '/tmp/x' } }],
    ['--name=value form', ['dossiers', 'list', '--status=3'], { run: 'dossiers list', flags: { status: '3' } }],
    ['a misspelt flag, with a suggestion', ['dossiers', 'list', '--limt', '5'], { error: 'CLI_UNKNOWN_OPTION', details: expect.objectContaining({ option: '--limt', didYouMean: '--limit' }) }],
    ['a flag of another command', ['dossiers', 'list', '--duplex'], { error: 'CLI_UNKNOWN_OPTION', details: expect.objectContaining({ option: '--duplex' }) }],
    ['an unknown short flag', ['info', '-x'], { error: 'CLI_UNKNOWN_OPTION' }],
    ['--version', ['--version'], { version: true }],
    ['-V', ['-V'], { version: true }],
    ['--version after a command', ['dossiers', 'list', '--version'], { version: true }],
    ['-h', ['-h'], { help: 'all' }],
    ['no words at all', [], { help: 'all' }],
    ['help on one command', ['help', 'scan'], { help: 'scan' }],
    ['per-command --help without its required flags', ['scan', '--help'], { help: 'scan' }],
    ['per-command -h', ['dossiers', 'show', '-h'], { help: 'dossiers show' }],
    ['help on an unknown command', ['help', 'frobnicate'], { error: 'CLI_UNKNOWN_COMMAND' }],
    ['scan without its flags', ['scan'], { error: 'CLI_MISSING_ARGUMENT', details: expect.objectContaining({ options: ['--device', '--out'] }) }],
    ['scan with one of its two required flags', ['scan', '--device', 'escl:1'], { error: 'CLI_MISSING_ARGUMENT', details: expect.objectContaining({ options: ['--out'] }) }],
    ['scan with all it needs', ['scan', '--device', 'escl:1', '--out', 'a.pdf', '--duplex'], { run: 'scan', flags: { device: 'escl:1', out: 'a.pdf', duplex: true } }],
    ['a string flag with no value', ['scan', '--device', 'escl:1', '--out'], { error: 'CLI_OPTION_VALUE' }],
    ['a value given to an on/off flag', ['store', 'check', '--blobs=yes'], { error: 'CLI_OPTION_VALUE' }],
    ['a missing positional', ['backup'], { error: 'CLI_MISSING_ARGUMENT' }],
    ['one positional too many', ['backup', 'a.sqlite', 'b.sqlite'], { error: 'CLI_TOO_MANY_ARGUMENTS', details: expect.objectContaining({ extra: ['b.sqlite'] }) }],
    ['a flag without its dashes becomes an extra word', ['dossiers', 'list', 'limit', '5'], { error: 'CLI_TOO_MANY_ARGUMENTS' }],
    ['repeatable positionals', ['ocr', 'a.png', 'b.png'], { run: 'ocr', positionals: ['a.png', 'b.png'] }],
    ['a misspelt subcommand lists the real ones', ['dossiers', 'lst'], { error: 'CLI_UNKNOWN_COMMAND', details: expect.objectContaining({ commands: expect.arrayContaining(['counter dossiers list']) }) }],
    ['an unknown command', ['frobnicate'], { error: 'CLI_UNKNOWN_COMMAND' }],
    ['one of two alternatives', ['calendar', 'appointment', '--hours', '8'], { run: 'calendar appointment', flags: { hours: '8' } }],
    ['a value after -- that looks like a flag', ['dossiers', 'search', '--', '--nguyen'], { run: 'dossiers search', positionals: ['--nguyen'] }],
    ['an empty value', ['pdf', 'sign', 'a.pdf', '--p12', 'k.p12', '--out', 'b.pdf', '--tsa', ''], { run: 'pdf sign', flags: expect.objectContaining({ tsa: '' }) }],
  ])('%s', (_name, argv, expected) => {
    expect(outcome(argv)).toMatchObject(expected);
  });

  it('gives every option one type across all commands, so flags can stand before the command words', () => {
    const seen = new Map<string, string>(Object.entries(GLOBAL_OPTIONS).map(([k, v]) => [k, v.type]));
    const clashes: string[] = [];
    for (const c of allCommands) {
      for (const [name, o] of Object.entries(commandSpec(c).options)) {
        if (seen.has(name) && seen.get(name) !== o.type) clashes.push(`${c.words.join(' ')} --${name}`);
        seen.set(name, o.type);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('finds the same command wherever the global flags stand (property)', () => {
    const globals = fc.subarray(['--json', '--training', '--data-dir=/tmp/d']);
    fc.assert(
      fc.property(fc.constantFrom(...allCommands), globals, fc.nat(), (command, flags, seed) => {
        // Satisfy the command's own requirements so only the placement of the globals varies; an
        // option and its value stay together.
        const spec = commandSpec(command);
        const groups: string[][] = [...command.words.map((w) => [w]), ...spec.required.map((r) => [`--${r}`, 'x'])];
        for (let i = 0; i < spec.minPositionals; i++) groups.push([`p${i}`]);
        flags.forEach((f, i) => groups.splice((seed + i * 7) % (groups.length + 1), 0, [f]));
        const r = outcome(groups.flat());
        expect(r.run).toBe(command.words.join(' '));
        for (const f of flags) expect(r.flags).toHaveProperty(f.slice(2).split('=')[0] as string);
      }),
    );
  });

  it('meets any words with a result or a coded CLI error, never an exception of another kind (property)', () => {
    const word = fc.oneof(fc.string(), fc.constantFrom('--json', '-h', '--', '--out', '--out=', 'scan', 'dossiers', 'list', 'help', '-', '--x=y'));
    fc.assert(
      fc.property(fc.array(word, { maxLength: 8 }), (argv) => {
        const r = outcome(argv);
        if ('error' in r) expect(String(r.error)).toMatch(/^CLI_/);
      }),
      { numRuns: 500 },
    );
  });
});
