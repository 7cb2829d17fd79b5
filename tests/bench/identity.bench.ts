import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchRow } from './row.ts';
import { EventBus } from '../../src-main/rpc/event-bus.ts';
import { SettingsService } from '../../src-main/kernel/settings-service.ts';
import { IdentityService } from '../../src-main/features/identity/identity-service.ts';
import { parseAny } from '../../src-main/domain/identity/parse-any.ts';
import { TRAINING_SAMPLES } from '../../src-main/domain/identity/training-samples.ts';
import { PtyPair } from '../sim/qr/pty-pair.ts';
import { QrTyper } from '../sim/qr/qr-typer.ts';

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] as number;

/**
 * QR bytes-in to `identity.read` latency over a real PTY: the simulated reader types a BHYT QR at
 * the reader's baud rate; we time from the last byte written to the event on the bus (the part the
 * app adds on top of the wire), and report the wire time itself separately.
 */
async function overPty(baud: number, runs: number): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-id-'));
  const pty = new PtyPair(join(dir, 'host'), join(dir, 'reader'));
  await pty.start();
  const bus = new EventBus();
  const settings = new SettingsService(dir, bus);
  settings.set({ identityReaders: { serial: [{ path: pty.hostPath, baudRate: baud, suffix: 'CR', frameTimeoutMs: 150 }] } });
  const service = new IdentityService({ bus, settings, trainingMode: false, log: () => {} });
  await service.start();
  let resolveRead: ((at: number) => void) | undefined;
  bus.subscribe((e) => {
    if (e === 'identity.read') resolveRead?.(performance.now());
  });
  const typer = new QrTyper(pty.readerPath, baud);
  const over: number[] = [];
  const total: number[] = [];
  let wireMs = 0;
  for (let i = 0; i < runs; i++) {
    const got = new Promise<number>((r) => (resolveRead = r));
    const start = performance.now();
    const sent = await typer.type(TRAINING_SAMPLES.bhyt);
    const at = await got;
    over.push(at - sent.lastByteAt);
    total.push(at - start);
    wireMs = sent.wireMs;
  }
  await typer.close();
  await service.close();
  await pty.stop();
  const p95 = pct(over, 95);
  return [
    { area: 'identity', name: `BHYT QR ${baud} baud: wire (transport) time`, value: wireMs, unit: 'ms' },
    { area: 'identity', name: `BHYT QR ${baud} baud: first byte → identity.read, p50`, value: pct(total, 50), unit: 'ms' },
    { area: 'identity', name: `BHYT QR ${baud} baud: last byte → identity.read (over transport), p50`, value: pct(over, 50), unit: 'ms' },
    { area: 'identity', name: `BHYT QR ${baud} baud: last byte → identity.read (over transport), p95`, value: p95, unit: 'ms', target: '< 100 ms', met: p95 < 100 },
  ];
}

function parseOnly(): BenchRow {
  const texts = Object.values(TRAINING_SAMPLES);
  const n = 20_000;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) parseAny(texts[i % texts.length] as string);
  return { area: 'identity', name: 'parseAny (CCCD/BHYT/MRZ mix), per code', value: ((performance.now() - t0) * 1000) / n, unit: 'µs' };
}

export async function bench(): Promise<BenchRow[]> {
  return [parseOnly(), ...(await overPty(9600, 15)), ...(await overPty(115200, 30))];
}
