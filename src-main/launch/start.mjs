// `npm start`: the Electron window where an Electron runtime exists, else the web host — and one
// plain line that says which and why.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { findElectron } from './electron-binary.mjs';
import { projectNode, projectRoot } from './project-node.mjs';

const extra = process.argv.slice(2);
const build = spawnSync(projectNode(), [join(projectRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
  cwd: projectRoot,
  stdio: ['ignore', 'ignore', 'inherit'],
  timeout: 10 * 60_000, // a hung build must not leave `npm start` waiting forever
});
if (build.error) console.error(`electron-vite build: ${build.error.message}`);
if (build.status !== 0) process.exit(build.status ?? 1);

const electron = findElectron({ timeoutMs: 30_000 });
const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
let child;
if (electron.path && !noDisplay) {
  console.log(`Mở cửa sổ ứng dụng Electron / Starting the Electron window (${electron.path}).`);
  child = spawn(electron.path, [projectRoot, ...extra], { cwd: projectRoot, stdio: 'inherit' });
} else {
  const why = electron.path ? 'no display (DISPLAY is not set)' : electron.reason;
  console.log(`Không có Electron (${why}) — chạy bản web thay thế; mở địa chỉ in bên dưới trong trình duyệt. / No Electron runtime (${why}) — starting the web host instead; open the URL printed below.`);
  child = spawn(projectNode(), [join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(projectRoot, 'src-main', 'web', 'main.ts'), ...extra], {
    cwd: projectRoot,
    stdio: 'inherit',
  });
}
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
