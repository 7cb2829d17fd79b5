import { ZodError } from 'zod';
import { createCore } from '../core.ts';
import { startupFailure } from '../platform/startup-failure.ts';
import { defaultDataDir } from '../platform/data-dir.ts';
import { appVersion } from '../platform/app-version.ts';
import { fileLogger } from '../platform/logger.ts';
import { CounterError, RpcErrors, defineErrors, toErrorBody } from '../contract/errors.ts';
import { cliContext, flagString, type CliCommand } from './command.ts';
import { parseCliArgs } from './parse-args.ts';
import { allCommands } from './commands/all.ts';

const CliErrors = defineErrors({
  CLI_UNKNOWN_COMMAND: { vi: 'Không có lệnh này. Chạy "counter help" để xem danh sách lệnh.', en: 'Unknown command. Run "counter help".' },
});

function findCommand(positionals: string[]): { command: CliCommand; rest: string[] } | undefined {
  const matches = allCommands.filter((c) => c.words.every((w, i) => positionals[i] === w));
  const best = matches.sort((a, b) => b.words.length - a.words.length)[0];
  return best && { command: best, rest: positionals.slice(best.words.length) };
}

function helpText(): string {
  const rows = allCommands.map((c) => `  ${c.usage.padEnd(64)} ${c.summary}`);
  return ['counter — Quầy Một cửa, công cụ dòng lệnh / command-line tool', '', ...rows, '', 'Thêm --json để in JSON / add --json for JSON output.'].join('\n');
}

/** `counter …`: the same Core as the app, for IT staff and scripts. */
export async function runCli(argv: string[]): Promise<number> {
  const args = parseCliArgs(argv);
  const json = args.flags.json === true;
  if (args.positionals.length === 0 || args.positionals[0] === 'help' || args.flags.help === true) {
    console.log(helpText());
    return 0;
  }
  const dataDir = flagString(args, 'data-dir') ?? defaultDataDir(process.env, process.platform, args.flags.training === true);
  let core;
  try {
    core = createCore({ dataDir, host: 'cli', version: appVersion(), trainingMode: args.flags.training === true, log: fileLogger(dataDir) });
  } catch (err) {
    // A damaged store or a full disk: the code and what IT should do, never a stack trace.
    const failure = startupFailure(err);
    if (json) console.log(JSON.stringify({ error: { code: failure.code, message: failure.text } }));
    else console.error(failure.text);
    return failure.exitCode;
  }
  try {
    const found = findCommand(args.positionals);
    if (!found) throw CliErrors.raise('CLI_UNKNOWN_COMMAND', { command: args.positionals.join(' ') });
    const result = await found.command.run(cliContext(core), { ...args, positionals: found.rest });
    console.log(json ? JSON.stringify(result.data, null, 2) : result.text);
    return 0;
  } catch (err) {
    const body = err instanceof ZodError ? RpcErrors.raise('INVALID_INPUT').toBody() : toErrorBody(err);
    if (!(err instanceof CounterError) && !(err instanceof ZodError)) console.error(err);
    if (json) console.log(JSON.stringify({ error: { code: body.code, message: body.message.vi, messageEn: body.message.en, details: body.details } }));
    else console.error(`Lỗi ${body.code}: ${body.message.vi}\nError ${body.code}: ${body.message.en}`);
    return 1;
  } finally {
    await core.close();
  }
}

