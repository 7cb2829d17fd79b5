import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createCore } from '../core.ts';
import { startWebHost } from './server.ts';
import { prepareDefaultDataDir } from '../platform/data-migration.ts';
import { appVersion, projectRoot } from '../platform/app-version.ts';
import { fileLogger } from '../platform/logger.ts';
import { startupFailure } from '../platform/startup-failure.ts';

/** `npm run start:web`: the same Core in plain Node, serving the built renderer on loopback. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.COUNTER_PORT ?? '5780' },
      'data-dir': { type: 'string' },
      training: { type: 'boolean', default: process.env.COUNTER_TRAINING === '1' },
    },
  });
  const rendererDir = join(projectRoot(), 'out', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    console.error('Chưa build giao diện. Chạy: npm run build  /  The renderer is not built. Run: npm run build');
    process.exit(1);
  }
  const dataDir = values['data-dir'] ?? prepareDefaultDataDir({ training: values.training });
  const core = createCore({ dataDir, host: 'web', version: appVersion(), trainingMode: values.training, log: fileLogger(dataDir) });
  let host;
  try {
    host = await startWebHost(core, { rendererDir, port: Number(values.port) });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    host = await startWebHost(core, { rendererDir, port: 0 });
  }
  // Discover devices in the background so the status bar fills in without blocking start-up.
  void core.call('devices.list', { refresh: true });
  console.log(`Quầy Một cửa (web host) đang chạy / is running: ${host.url}`);
  console.log(`COUNTER_URL=${host.url}`);
  const stop = async () => {
    await host.close();
    await core.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  const failure = startupFailure(err);
  console.error(failure.text);
  process.exit(failure.exitCode);
});
