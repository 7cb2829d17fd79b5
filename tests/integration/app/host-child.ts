// Runs the web host in its own process so a test can tell "answered badly" from "the process died".
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../../src-main/core.ts';
import { startWebHost } from '../../../src-main/web/server.ts';

const rendererDir = mkdtempSync(join(tmpdir(), 'osc-renderer-'));
mkdirSync(join(rendererDir, 'assets'));
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Quầy Một cửa</title>');
const core = createCore({ dataDir: process.argv[2] ?? mkdtempSync(join(tmpdir(), 'osc-')), host: 'web', version: '1.2.3', probes: [] });
const host = await startWebHost(core, { rendererDir, port: 0 });
process.stdout.write(`READY ${host.port} ${host.token}\n`);
process.on('SIGTERM', () => {
  void host.close().then(() => core.close()).then(() => process.exit(0));
});
