import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { PtyPair } from './pty-pair.ts';
import { QrTyper } from './qr-typer.ts';
import { TRAINING_SAMPLES, type TrainingSample } from '../../../src-main/domain/identity/training-samples.ts';

/**
 * A QR reader on a PTY for demos and manual tests:
 *   tsx tests/sim/qr/main.ts [--baud 9600] [--suffix CR]
 * prints the port to configure in Settings (identityReaders.serial), then types a sample
 * (cccd, bhyt, mrz, vneid) or any text entered on stdin at the chosen baud rate.
 */
async function main(): Promise<void> {
  const arg = (name: string, dflt: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? (process.argv[i + 1] ?? dflt) : dflt;
  };
  const baud = Number(arg('baud', '9600'));
  const suffix = arg('suffix', 'CR');
  const dir = mkdtempSync(join(tmpdir(), 'qr-sim-'));
  const pty = new PtyPair(join(dir, 'host'), join(dir, 'reader'));
  await pty.start();
  const typer = new QrTyper(pty.readerPath, baud, suffix);
  console.log(`QR reader simulator: port ${pty.hostPath} (${baud} baud, suffix ${suffix})`);
  console.log(`Type a sample name (${Object.keys(TRAINING_SAMPLES).join(', ')}) or any text, then Enter. Ctrl+D quits.`);
  const rl = createInterface({ input: process.stdin });
  for await (const line of rl) {
    const text = TRAINING_SAMPLES[line.trim() as TrainingSample] ?? line;
    const r = await typer.type(text);
    console.log(`sent ${r.bytes} bytes (${r.wireMs.toFixed(1)} ms on the wire)`);
  }
  await typer.close();
  await pty.stop();
}

void main();
