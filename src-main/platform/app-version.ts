import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

function readPackage(dir: string): { name?: string; version?: string } | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
  } catch {
    return undefined;
  }
}

/** The project folder, found by walking up from this file (works from src-main and from out/). */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (readPackage(dir)?.name === 'one-stop-counter') return dir;
    dir = dirname(dir);
  }
  return process.cwd();
}

/** The version in the project's package.json. */
export function appVersion(): string {
  return readPackage(projectRoot())?.version ?? '0.0.0';
}
