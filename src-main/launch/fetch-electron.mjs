// postinstall: try to fetch the Electron binary now, so the first `npm start` is quick where the
// network allows it; never fail the install where it does not.
import { findElectron } from './electron-binary.mjs';

if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD === '1' || process.env.CI) {
  console.log('Electron binary: skipped (ELECTRON_SKIP_BINARY_DOWNLOAD or CI).');
} else {
  const found = findElectron({ timeoutMs: 120_000 });
  console.log(found.path ? `Electron binary: ${found.path}` : `Electron binary: not available — ${found.reason}. npm start will use the web host.`);
}
