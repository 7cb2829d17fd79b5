import { electronRuntime } from './harness.ts';

/** Says once, plainly, whether the Electron variants of the e2e specs run here and why not. */
export function reportElectronAvailability(): boolean {
  const runtime = electronRuntime();
  if (runtime.path) {
    console.log(`[e2e] Electron runtime found at ${runtime.path}: specs run under the web host and under _electron.`);
    return true;
  }
  console.log(`[e2e] Electron variants skipped: ${runtime.reason}. Specs run under the web host in Chromium only.`);
  return false;
}
