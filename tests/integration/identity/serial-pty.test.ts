import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SerialQrReader } from '../../../src-main/devices/qr/serial-qr-reader.ts';
import type { ReaderEvent } from '../../../src-main/devices/qr/qr-reader.ts';
import { parseAny } from '../../../src-main/domain/identity/parse-any.ts';
import { TRAINING_SAMPLES } from '../../../src-main/domain/identity/training-samples.ts';
import { PtyPair } from '../../sim/qr/pty-pair.ts';
import { QrTyper, transportMs } from '../../sim/qr/qr-typer.ts';

function collector(reader: SerialQrReader) {
  const events: ReaderEvent[] = [];
  reader.on((e) => events.push(e));
  const next = async (type: ReaderEvent['type'], count = 1, timeoutMs = 5000) => {
    const deadline = Date.now() + timeoutMs;
    while (events.filter((e) => e.type === type).length < count) {
      if (Date.now() > deadline) throw new Error(`no ${type} event; got ${events.map((e) => e.type).join(',')}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    return events.filter((e) => e.type === type)[count - 1] as ReaderEvent;
  };
  return { events, next };
}

describe('serial (CDC-ACM) QR reader over a real socat PTY pair', () => {
  let dir: string;
  let pty: PtyPair;
  let reader: SerialQrReader | undefined;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'qr-pty-'));
    pty = new PtyPair(join(dir, 'host'), join(dir, 'reader'));
    await pty.start();
  });
  afterEach(async () => {
    await reader?.close();
    await pty.stop();
  });

  it.each([9600, 115200])('reads a CCCD QR typed at %i baud with a CR suffix', async (baud) => {
    reader = new SerialQrReader({ path: pty.hostPath, baudRate: baud, suffix: 'CR', frameTimeoutMs: 150 });
    const { next } = collector(reader);
    await reader.open();
    expect(reader.state().status).toBe('ready');
    const typer = new QrTyper(pty.readerPath, baud);
    const sent = await typer.type(TRAINING_SAMPLES.cccd);
    const e = await next('text');
    await typer.close();
    expect(e.type === 'text' && parseAny(e.text)).toMatchObject({ kind: 'cccd-qr', fullName: 'NGUYỄN VĂN AN' });
    // At 9600 baud the 100-odd UTF-8 bytes take ~100 ms on the wire; the typer really paced them: the
    // last byte left no earlier than n-1 byte times after the first (written all at once, ~1 ms).
    expect(sent.lastByteAt - sent.startedAt).toBeGreaterThanOrEqual(transportMs(sent.bytes - 1, baud));
  });

  it('reads two BHYT codes back to back (CRLF) and ends a suffix-less code on the pause', async () => {
    reader = new SerialQrReader({ path: pty.hostPath, baudRate: 115200, suffix: 'CRLF', frameTimeoutMs: 80 });
    const { next } = collector(reader);
    await reader.open();
    const typer = new QrTyper(pty.readerPath, 115200, 'CRLF');
    await typer.type(TRAINING_SAMPLES.bhyt);
    await typer.type(TRAINING_SAMPLES.cccd);
    const a = await next('text', 1);
    const b = await next('text', 2);
    expect(a.type === 'text' && parseAny(a.text).kind).toBe('bhyt-qr');
    expect(b.type === 'text' && parseAny(b.text).kind).toBe('cccd-qr');
    await typer.close();
  });

  it('reports a broken frame when the bytes stop before the suffix', async () => {
    reader = new SerialQrReader({ path: pty.hostPath, baudRate: 115200, suffix: 'CR', frameTimeoutMs: 60 });
    const { next } = collector(reader);
    await reader.open();
    const typer = new QrTyper(pty.readerPath, 115200);
    await typer.type(TRAINING_SAMPLES.cccd, { stopAfter: 30 });
    const e = await next('broken');
    expect(e).toMatchObject({ type: 'broken', reason: 'timeout', bytes: 30 });
    await typer.close();
  });

  it('recovers by itself when the reader is unplugged (socat killed) and plugged back', async () => {
    reader = new SerialQrReader({ path: pty.hostPath, baudRate: 9600, suffix: 'CR', frameTimeoutMs: 500, retryMs: 100 });
    const { next } = collector(reader);
    await reader.open();
    await pty.stop();
    const deadline = Date.now() + 5000;
    while (reader.state().status === 'ready' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(reader.state().status).toBe('offline');
    await pty.start();
    while (reader.state().status !== 'ready' && Date.now() < deadline + 5000) await new Promise((r) => setTimeout(r, 10));
    expect(reader.state().status).toBe('ready');
    const typer = new QrTyper(pty.readerPath, 9600);
    await typer.type(TRAINING_SAMPLES.vneid);
    const e = await next('text');
    expect(e.type === 'text' && parseAny(e.text, 'vneid-qr').fullName).toBe('TRẦN THỊ CÚC');
    await typer.close();
  }, 20_000);
});
