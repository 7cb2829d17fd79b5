// `npm run screenshots`: runs the e2e specs with OSC_README_SCREENSHOTS=1, so the pictures the README
// shows (tests/e2e/screenshots/readme/) are refreshed on purpose; `npm test` never writes into the tree.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const r = spawnSync(process.execPath, [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', 'tests/e2e'], {
  cwd: root,
  stdio: 'inherit', // a foreground run for a person, not a test's child
  env: { ...process.env, OSC_README_SCREENSHOTS: '1' },
  timeout: 45 * 60_000,
});
process.exit(r.status ?? 1);
