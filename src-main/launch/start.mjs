// `npm start`: the Electron window where an Electron runtime exists, else the web host — and one
// plain line that says which and why. Both run the built output (out/), built only when stale.
// `npm run start:web` (--web) asks for the web host whatever is installed.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { findElectron } from './electron-binary.mjs';
import { projectNode, projectRoot } from './project-node.mjs';
import { ensureBuilt } from './build-current.mjs';

const webOnly = process.argv.includes('--web');
const extra = process.argv.slice(2).filter((a) => a !== '--web');
const failed = ensureBuilt();
if (failed) {
  console.error(`Lỗi BUILD_FAILED: không build được ứng dụng; chạy "npm run build" để xem chi tiết. / Error BUILD_FAILED: ${failed}`);
  process.exit(1);
}

const electron = webOnly ? { reason: '--web', vi: 'đã chọn --web' } : findElectron({ timeoutMs: 30_000 });
const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
let child;
if (electron.path && !noDisplay) {
  console.log(`Mở cửa sổ ứng dụng Electron / Starting the Electron window (${electron.path}).`);
  child = spawn(electron.path, [projectRoot, ...extra], { cwd: projectRoot, stdio: 'inherit' });
} else {
  const [vi, en] = electron.path ? ['không có màn hình (chưa đặt DISPLAY)', 'no display (DISPLAY is not set)'] : [electron.vi ?? 'không rõ lý do', electron.reason];
  console.log(`Chạy bản web (${vi}); mở địa chỉ in bên dưới trong trình duyệt. / Starting the web host (${en}); open the URL printed below.`);
  child = spawn(projectNode(), [join(projectRoot, 'out', 'main', 'web.js'), ...extra], { cwd: projectRoot, stdio: 'inherit' });
}
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
