import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CounterError } from '../../../src-main/contract/errors.ts';
import { TrainingCardReader, TRAINING_READER } from '../../../src-main/devices/idcard/simulated/training-card-reader.ts';
import { TrainingCards } from '../../../src-main/devices/idcard/simulated/training-cards.ts';
import { PdfFolderPrinter } from '../../../src-main/devices/printer/simulated/pdf-folder-printer.ts';

const codeOf = (p: Promise<unknown>) => p.then(() => 'resolved', (e: unknown) => (e instanceof CounterError ? e.code : String(e)));

describe('training card reader', () => {
  it('says NO_CARD when nothing is tapped in time, NO_READER for another reader', async () => {
    const r = new TrainingCardReader();
    expect(await codeOf(r.waitForCard(undefined, 30))).toBe('NO_CARD');
    expect(await codeOf(r.waitForCard('Other reader', 30))).toBe('NO_READER');
    expect(await codeOf(r.connect(TRAINING_READER))).toBe('NO_CARD');
  });

  it('announces a tap, lets a waiting read through, and forgets the card when lifted', async () => {
    const r = new TrainingCardReader();
    const cards = new TrainingCards(mkdtempSync(join(tmpdir(), 'osc-csca-')));
    const tapped: string[] = [];
    r.on('tapped', (id) => tapped.push(id));
    const waiting = r.waitForCard(undefined, 5_000);
    r.place(await cards.chip('an'));
    expect(await waiting).toBe(TRAINING_READER);
    expect(tapped).toEqual([TRAINING_READER]);
    expect(r.list()).toEqual([{ id: TRAINING_READER, name: TRAINING_READER, cardPresent: true }]);
    const t = await r.connect(TRAINING_READER);
    // SELECT the eMRTD application: the virtual chip answers 9000.
    const res = await t.transmit(Uint8Array.from([0x00, 0xa4, 0x04, 0x0c, 0x07, 0xa0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01]));
    expect([...res.slice(-2)]).toEqual([0x90, 0x00]);
    r.lift();
    expect(r.list()[0]?.cardPresent).toBe(false);
    expect(await codeOf(r.connect(TRAINING_READER))).toBe('NO_CARD');
  });

  it('sample cards carry well-formed ID numbers whose last six digits are the CAN', () => {
    const cards = new TrainingCards(tmpdir());
    for (const s of ['an', 'binh'] as const) expect(cards.idNumber(s)).toMatch(/^\d{12}$/);
  });
});

describe('training PDF printer', () => {
  it('writes each copy of a job as a PDF file under its folder, whatever the title', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 120 }), fc.integer({ min: 1, max: 3 }), async (title, copies) => {
        const dir = join(mkdtempSync(join(tmpdir(), 'osc-prints-')), 'training-prints');
        const printer = new PdfFolderPrinter(dir);
        const pdf = new TextEncoder().encode('%PDF-1.7 test');
        const job = await printer.printPdf({ pdf, printer: '', paper: 'A5', margins: { top: 0, right: 0, bottom: 0, left: 0 }, copies, silent: true, title });
        const files = readdirSync(dir);
        expect(files).toHaveLength(copies);
        for (const f of files) {
          expect(f.startsWith(job.jobId)).toBe(true);
          expect(f.endsWith('.pdf')).toBe(true);
          expect(readFileSync(join(dir, f))).toEqual(Buffer.from(pdf));
        }
      }),
      { numRuns: 25 },
    );
  });
});
