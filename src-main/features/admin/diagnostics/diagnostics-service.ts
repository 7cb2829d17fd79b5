import { arch, release, totalmem, freemem, cpus } from 'node:os';
import { readLogTail } from '../../../platform/log-reader.ts';
import { scrubPersonalData } from './scrub.ts';

export interface DiagnosticsSources {
  dataDir: string;
  appInfo: () => unknown;
  devices: () => Promise<unknown>;
  /** Queue and store counters (no dossier contents). */
  counters?: () => unknown;
  /** Local crash-reporter minidumps (Electron), listed and the newest included. */
  crashDumps?: () => unknown;
}

/** Builds the support bundle: versions, machine, devices, queue counters and recent logs. */
export async function buildDiagnostics(src: DiagnosticsSources, logLines: number): Promise<{ fileName: string; json: string }> {
  const safe = async (f: () => unknown) => {
    try {
      return await f();
    } catch (err) {
      return { error: err instanceof Error ? err.message : String(err) };
    }
  };
  const bundle = {
    createdAt: new Date().toISOString(),
    app: await safe(src.appInfo),
    machine: { platform: process.platform, arch: arch(), release: release(), cpus: cpus().length, totalMemMiB: Math.round(totalmem() / 2 ** 20), freeMemMiB: Math.round(freemem() / 2 ** 20) },
    versions: process.versions,
    devices: await safe(src.devices),
    counters: src.counters ? await safe(src.counters) : undefined,
    logs: readLogTail(src.dataDir, logLines),
  };
  // Added after scrubbing: a minidump's base64 must reach IT byte for byte.
  const dumps = src.crashDumps ? await safe(src.crashDumps) : undefined;
  const stamp = bundle.createdAt.replace(/[:.]/g, '-');
  const json = scrubPersonalData(JSON.stringify(bundle, null, 2));
  return { fileName: `chan-doan-${stamp}.json`, json: dumps === undefined ? json : JSON.stringify({ ...(JSON.parse(json) as object), crashDumps: dumps }, null, 2) };
}
