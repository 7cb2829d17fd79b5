import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { execProgram } from '../platform/exec.ts';

/** `tesseract --psm 0` prints "Rotate: 180" and "Orientation confidence: 5.2". */
export function parseOsd(stdout: string): { rotate: number; confidence: number } | undefined {
  const rotate = /Rotate:\s*(\d+)/.exec(stdout);
  const conf = /Orientation confidence:\s*([\d.]+)/.exec(stdout);
  if (!rotate || !conf) return undefined;
  return { rotate: Number(rotate[1]) % 360, confidence: Number(conf[1]) };
}

let available: boolean | undefined;

/**
 * Which way up the page is, from Tesseract's OSD where the native `tesseract` with `osd` data is
 * installed (Debian here; the tesseract.js data packages ship no OSD model). Undefined = unknown.
 */
export async function detectRotation(image: Buffer, minConfidence = 2): Promise<number | undefined> {
  if (available === false) return undefined;
  const dir = mkdtempSync(join(tmpdir(), `counter-osd-${process.pid}-`));
  try {
    const file = join(dir, 'p.png');
    writeFileSync(file, await sharp(image).greyscale().resize({ width: 1200, withoutEnlargement: true }).png().toBuffer());
    const r = await execProgram('tesseract', [file, 'stdout', '--psm', '0', '--dpi', '150'], { timeoutMs: 15_000, env: { ...process.env, OMP_THREAD_LIMIT: '1' } });
    if (r.missing) {
      available = false;
      return undefined;
    }
    const osd = parseOsd(r.stdout + r.stderr);
    return osd && osd.confidence >= minConfidence ? osd.rotate : undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
