import { ZodError } from 'zod';
import { prepareDefaultDataDir } from '../platform/data-migration.ts';
import { startupFailure } from '../platform/startup-failure.ts';
import { appVersion } from '../platform/app-version.ts';
import { fileLogger } from '../platform/logger.ts';
import { CounterError, RpcErrors, toErrorBody, type ErrorBody } from '../contract/errors.ts';
import { cliContext, flagString, type CliCommand } from './command.ts';
import { parseCommandLine } from './parse-args.ts';
import { allCommands } from './commands/all.ts';

const GLOBAL_HELP = [
  'Tùy chọn chung / global options (đặt ở đâu cũng được / anywhere on the line):',
  '  --json            in JSON / JSON output',
  '  --training        dữ liệu đào tạo / training data',
  '  --data-dir DIR    thư mục dữ liệu khác / another data folder',
  '  -h, --help        cách dùng / usage (counter LỆNH --help cho từng lệnh / per command)',
  '  -V, --version     phiên bản / version',
];

function helpText(): string {
  const rows = allCommands.map((c) => `  ${c.usage.padEnd(64)} ${c.summary}`);
  return ['counter — Quầy Một cửa, công cụ dòng lệnh / command-line tool', '', ...rows, '', ...GLOBAL_HELP].join('\n');
}

const commandHelp = (c: CliCommand) => [`Cách dùng / usage: ${c.usage}`, '', c.summary, '', ...GLOBAL_HELP].join('\n');

/** A usage error names what was wrong and the usage line; anything else keeps its details for --json only. */
function errorText(body: ErrorBody): string {
  const lines = [`Lỗi ${body.code}: ${body.message.vi}`, `Error ${body.code}: ${body.message.en}`];
  const d = body.details as Record<string, unknown> | undefined;
  if (body.code.startsWith('CLI_') && d && typeof d === 'object') {
    for (const [k, v] of Object.entries(d)) if (k !== 'usage') lines.push(`  ${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}`);
    if (typeof d.usage === 'string') lines.push(`Cách dùng / usage: ${d.usage}`);
  }
  return lines.join('\n');
}

function printError(err: unknown, json: boolean): void {
  const body = err instanceof ZodError ? RpcErrors.raise('INVALID_INPUT').toBody() : toErrorBody(err);
  if (!(err instanceof CounterError) && !(err instanceof ZodError)) console.error(err);
  if (json) console.log(JSON.stringify({ error: { code: body.code, message: body.message.vi, messageEn: body.message.en, details: body.details } }));
  else console.error(errorText(body));
}

/** `counter …`: the same Core as the app, for IT staff and scripts. */
export async function runCli(argv: string[]): Promise<number> {
  let line;
  try {
    line = parseCommandLine(argv, allCommands);
  } catch (err) {
    printError(err, argv.includes('--json'));
    return 2;
  }
  if (line.kind === 'version') {
    console.log(line.globals.json === true ? JSON.stringify({ version: appVersion() }) : `counter ${appVersion()}`);
    return 0;
  }
  if (line.kind === 'help') {
    console.log(line.command ? commandHelp(line.command) : helpText());
    return 0;
  }
  const { command, args, globals } = line;
  const json = globals.json === true;
  const training = globals.training === true;
  const dataDir = flagString(args, 'data-dir') ?? prepareDefaultDataDir({ training });
  // The core (store, devices, OCR, PDF) loads only for a command that needs it: help, --version
  // and usage errors answer at once.
  const { createCore } = await import('../core.ts');
  let core;
  try {
    core = createCore({ dataDir, host: 'cli', version: appVersion(), trainingMode: training, log: fileLogger(dataDir) });
  } catch (err) {
    // A damaged store or a full disk: the code and what IT should do, never a stack trace.
    const failure = startupFailure(err);
    if (json) console.log(JSON.stringify({ error: { code: failure.code, message: failure.text } }));
    else console.error(failure.text);
    return failure.exitCode;
  }
  try {
    const result = await command.run(cliContext(core), args);
    console.log(json ? JSON.stringify(result.data, null, 2) : result.text);
    return 0;
  } catch (err) {
    printError(err, json);
    return 1;
  } finally {
    await core.close();
  }
}
