#!/usr/bin/env node
// `counter` / `npm run cli --`: runs the TypeScript CLI under the project's Node 22.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectNode, projectRoot, nodeIsRecentEnough } from './project-node.mjs';

const cli = join(projectRoot, 'src-main', 'cli', 'main.ts');
if (nodeIsRecentEnough()) {
  const { register } = await import('tsx/esm/api');
  register();
  process.argv = [process.argv[0], cli, ...process.argv.slice(2)];
  await import(pathToFileURL(cli).href);
} else {
  // The same command under the project's Node, in the foreground; no timeout, as some commands run
  // as long as the person wants (the reference server, a watch), and Ctrl-C reaches both processes.
  const r = spawnSync(projectNode(), [import.meta.filename ?? process.argv[1], ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
