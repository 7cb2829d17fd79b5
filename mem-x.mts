import { readFileSync } from 'node:fs';
import { createWorker, OEM } from 'tesseract.js';
import { analysePage } from './src-main/documents/imaging.ts';
import { ocrInput } from './src-main/documents/ocr-prep.ts';
import { prepareLangFolder } from './src-main/documents/ocr-lang.ts';
const mb = () => (process.memoryUsage().rss / 1048576).toFixed(0);
const raw = readFileSync('/tmp/ocrx/p3/tune-01-form-sans-300-scan.jpg');
const inp = await ocrInput(raw, await analysePage(raw), { dpi: 300, dropColourInk: true, removeDotLeaders: true });
const lang = process.env.L ?? 'vie+eng';
const langPath = prepareLangFolder('/tmp/ocrx/memdata', lang.split('+'));
const out = process.env.O === 'tsv' ? { text: false, tsv: true } : { text: true, blocks: true };
console.log('before', mb(), lang, JSON.stringify(out));
const ws = await Promise.all([0, 1].map(() => createWorker(lang, OEM.LSTM_ONLY, { langPath, gzip: true, cacheMethod: 'none' })));
console.log('2 workers idle', mb());
for (let i = 0; i < 2; i++) {
  const r = await Promise.all(ws.map((w) => w.recognize(inp.image, {}, out as never)));
  console.log('page', i, mb(), (r[0]!.data.tsv ?? '').slice(0, 40).replace(/\n/g, '|'));
}
await Promise.all(ws.map((w) => w.terminate()));
