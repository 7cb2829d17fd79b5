#!/usr/bin/env node
// `counter` / `npm run cli --`: the built CLI (out/main/cli.js) under the project's Node 22, built
// first only when a source changed. The installed app runs the same file (see cli-shim/counter.cmd).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectNode, projectRoot, nodeIsRecentEnough } from './project-node.mjs';
import { ensureBuilt } from './build-current.mjs';

if (nodeIsRecentEnough()) {
  const failed = ensureBuilt();
  if (failed) {
    console.error(`Lỗi CLI_NOT_BUILT: Không build được công cụ dòng lệnh; chạy "npm run build" để xem lỗi.\nError CLI_NOT_BUILT: ${failed}`);
    process.exit(1);
  }
  const cli = join(projectRoot, 'out', 'main', 'cli.js');
  process.argv = [process.argv[0], cli, ...process.argv.slice(2)];
  await import(pathToFileURL(cli).href);
} else {
  // The same command under the project's Node, in the foreground; no timeout, as some commands run
  // as long as the person wants (the reference server, a watch), and Ctrl-C reaches both processes.
  const r = spawnSync(projectNode(), [import.meta.filename ?? process.argv[1], ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
