// Finds the Node 22 that the project installs from the npm registry (package "node"), so the
// scripts work the same whatever Node the machine has.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function projectNode() {
  const candidates = [
    join(projectRoot, 'node_modules', 'node', 'bin', process.platform === 'win32' ? 'node.exe' : 'node'),
    join(projectRoot, 'node_modules', '.bin', process.platform === 'win32' ? 'node.cmd' : 'node'),
  ];
  return candidates.find((c) => existsSync(c)) ?? process.execPath;
}

export const nodeIsRecentEnough = () => Number(process.versions.node.split('.')[0]) >= 22;
