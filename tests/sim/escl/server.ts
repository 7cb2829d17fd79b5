/**
 * An eSCL scanner simulator on 127.0.0.1 that speaks the protocol well enough for sane-airscan:
 * ScannerCapabilities (platen + ADF simplex/duplex), ScannerStatus with AdfState, POST ScanJobs →
 * 201 + Location, NextDocument → 200 JPEG/PNG in the requested colour mode / 503 (scripted) / 404
 * at the end of the feed, DELETE. Scripted faults: 503s before a page, a jam or an open door after
 * N pages, an empty feeder.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { parseScanSettings } from '../../../src-main/devices/scanner/escl/xml.ts';

export interface EsclSimOptions {
  /** Sheet images (one per sheet side: front, back, front, back… when duplex). Default: generated pages. */
  sides?: Buffer[];
  /** Sheets in the feeder when none are given. */
  sheets?: number;
  /** How many 503 answers precede each page (index = page number from 0), e.g. [1] = once before the first. */
  busyBefore?: number[];
  /** After this many pages delivered, the feeder jams (AdfState ScannerAdfJam; NextDocument → 503 then 404). */
  jamAfter?: number;
  doorOpen?: boolean;
  makeAndModel?: string;
  /** Spell the loaded state as NAPS2 does ("ScannedAdfLoaded"). */
  naps2Spelling?: boolean;
}

interface Job {
  id: string;
  settings: ReturnType<typeof parseScanSettings>;
  delivered: number;
  busyServed: number;
  total: number;
  done: boolean;
}

export interface EsclSim {
  url: string;
  port: number;
  requests: string[];
  server: Server;
  close(): Promise<void>;
}

const caps = (model: string) => `<?xml version="1.0" encoding="UTF-8"?>
<scan:ScannerCapabilities xmlns:scan="http://schemas.hp.com/imaging/escl/2011/05/03" xmlns:pwg="http://www.pwg.org/schemas/2010/12/sm">
  <pwg:Version>2.63</pwg:Version>
  <pwg:MakeAndModel>${model}</pwg:MakeAndModel>
  <pwg:SerialNumber>SIM-0001</pwg:SerialNumber>
  <scan:UUID>4509a320-00a0-008f-00b6-00559a327d32</scan:UUID>
  <scan:Platen><scan:PlatenInputCaps>${inputCaps()}</scan:PlatenInputCaps></scan:Platen>
  <scan:Adf>
    <scan:AdfSimplexInputCaps>${inputCaps()}</scan:AdfSimplexInputCaps>
    <scan:AdfDuplexInputCaps>${inputCaps()}</scan:AdfDuplexInputCaps>
    <scan:FeederCapacity>50</scan:FeederCapacity>
    <scan:AdfOptions><scan:AdfOption>DetectPaperLoaded</scan:AdfOption><scan:AdfOption>Duplex</scan:AdfOption></scan:AdfOptions>
  </scan:Adf>
</scan:ScannerCapabilities>`;

function inputCaps(): string {
  return `<scan:MinWidth>16</scan:MinWidth><scan:MaxWidth>2550</scan:MaxWidth><scan:MinHeight>16</scan:MinHeight><scan:MaxHeight>3508</scan:MaxHeight>
    <scan:MaxScanRegions>1</scan:MaxScanRegions>
    <scan:SettingProfiles><scan:SettingProfile>
      <scan:ColorModes><scan:ColorMode>RGB24</scan:ColorMode><scan:ColorMode>Grayscale8</scan:ColorMode></scan:ColorModes>
      <scan:DocumentFormats><pwg:DocumentFormat>image/jpeg</pwg:DocumentFormat><pwg:DocumentFormat>image/png</pwg:DocumentFormat></scan:DocumentFormats>
      <scan:SupportedResolutions><scan:DiscreteResolutions>
        <scan:DiscreteResolution><scan:XResolution>75</scan:XResolution><scan:YResolution>75</scan:YResolution></scan:DiscreteResolution>
        <scan:DiscreteResolution><scan:XResolution>150</scan:XResolution><scan:YResolution>150</scan:YResolution></scan:DiscreteResolution>
        <scan:DiscreteResolution><scan:XResolution>200</scan:XResolution><scan:YResolution>200</scan:YResolution></scan:DiscreteResolution>
        <scan:DiscreteResolution><scan:XResolution>300</scan:XResolution><scan:YResolution>300</scan:YResolution></scan:DiscreteResolution>
      </scan:DiscreteResolutions></scan:SupportedResolutions>
    </scan:SettingProfile></scan:SettingProfiles>
    <scan:SupportedIntents><scan:Intent>Document</scan:Intent><scan:Intent>TextAndGraphic</scan:Intent><scan:Intent>Photo</scan:Intent></scan:SupportedIntents>`;
}

export async function startEsclSim(opts: EsclSimOptions = {}): Promise<EsclSim> {
  const requests: string[] = [];
  const jobs = new Map<string, Job>();
  let nextJob = 1;
  let delivered = 0;
  const sideCount = () => opts.sides?.length ?? (opts.sheets ?? 2) * 2;
  const jammed = () => opts.jamAfter !== undefined && delivered >= opts.jamAfter;
  const adfState = () => {
    if (opts.doorOpen) return 'ScannerAdfDoorOpen';
    if (jammed()) return 'ScannerAdfJam';
    if (delivered >= sideCount()) return 'ScannerAdfEmpty';
    return opts.naps2Spelling ? 'ScannedAdfLoaded' : 'ScannerAdfLoaded';
  };
  const status = () => `<?xml version="1.0" encoding="UTF-8"?>
<scan:ScannerStatus xmlns:scan="http://schemas.hp.com/imaging/escl/2011/05/03" xmlns:pwg="http://www.pwg.org/schemas/2010/12/sm">
  <pwg:Version>2.63</pwg:Version><pwg:State>${[...jobs.values()].some((j) => !j.done) ? 'Processing' : 'Idle'}</pwg:State>
  <scan:AdfState>${adfState()}</scan:AdfState>
</scan:ScannerStatus>`;

  async function render(job: Job, index: number): Promise<{ body: Buffer; type: string }> {
    const s = job.settings;
    const width = Math.round(((s.width ?? 2480) / 300) * s.dpi);
    const height = Math.round(((s.height ?? 3508) / 300) * s.dpi);
    const given = opts.sides?.[index];
    let img = given
      ? sharp(given).resize({ width, height, fit: 'contain', background: '#ffffff' })
      : sharp({ create: { width, height, channels: 3, background: '#ffffff' } }).composite([{ input: Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><text x="${width / 10}" y="${height / 5}" font-size="${s.dpi / 3}" font-family="Noto Sans">Trang ${index + 1}</text></svg>`) }]);
    // sane-airscan rejects a grey JPEG for an RGB24 request: match the requested mode exactly.
    img = s.color === 'color' ? img.toColourspace('srgb') : img.greyscale();
    const png = s.format === 'image/png';
    const body = png ? await img.png().toBuffer() : await img.jpeg({ quality: 85 }).toBuffer();
    if (s.color === 'color' && !png) {
      const m = await sharp(body).metadata();
      if (m.channels !== 3) return { body: await sharp(body).toColourspace('srgb').jpeg().toBuffer(), type: 'image/jpeg' };
    }
    return { body, type: png ? 'image/png' : 'image/jpeg' };
  }

  const send = (res: ServerResponse, code: number, body: string | Buffer = '', headers: Record<string, string> = {}) => {
    res.writeHead(code, { 'content-length': String(Buffer.byteLength(body)), ...headers });
    res.end(body);
  };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    requests.push(`${req.method} ${path}`);
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (req.method === 'GET' && path === '/eSCL/ScannerCapabilities') return send(res, 200, caps(opts.makeAndModel ?? 'Counter eSCL Simulator'), { 'content-type': 'text/xml' });
    if (req.method === 'GET' && path === '/eSCL/ScannerStatus') return send(res, 200, status(), { 'content-type': 'text/xml' });
    if (req.method === 'POST' && path === '/eSCL/ScanJobs') {
      let settings;
      try {
        settings = parseScanSettings(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return send(res, 400);
      }
      if ([...jobs.values()].some((j) => !j.done)) return send(res, 503, '', { 'retry-after': '2' });
      const id = `job-${nextJob++}`;
      const total = settings.source === 'platen' ? 1 : settings.duplex ? sideCount() : Math.ceil(sideCount() / 2);
      jobs.set(id, { id, settings, delivered: 0, busyServed: 0, total, done: false });
      return send(res, 201, '', { location: `${url.protocol}//${req.headers.host}/eSCL/ScanJobs/${id}` });
    }
    const m = /^\/eSCL\/ScanJobs\/([^/]+)(?:\/(NextDocument|ScanImageInfo))?$/.exec(path);
    const job = m ? jobs.get(m[1]!) : undefined;
    if (!m || !job) return send(res, 404);
    if (req.method === 'DELETE' && !m[2]) {
      job.done = true;
      return send(res, 200);
    }
    if (req.method === 'GET' && m[2] === 'NextDocument') {
      if (job.done || job.delivered >= job.total) {
        job.done = true;
        return send(res, 404);
      }
      if (opts.doorOpen || jammed()) {
        job.done = true;
        return send(res, 503);
      }
      const busy = opts.busyBefore?.[job.delivered] ?? 0;
      if (job.busyServed < busy) {
        job.busyServed++;
        return send(res, 503, '', { 'retry-after': '1' });
      }
      job.busyServed = 0;
      // Simplex from the feeder takes the fronts only: sides 0, 2, 4…
      const index = job.settings.source === 'adf' && !job.settings.duplex ? job.delivered * 2 : job.delivered;
      const { body, type } = await render(job, Math.min(index, sideCount() - 1));
      job.delivered++;
      delivered++;
      return send(res, 200, body, { 'content-type': type, 'content-location': `/eSCL/ScanJobs/${job.id}/${job.delivered}` });
    }
    if (req.method === 'GET' && m[2] === 'ScanImageInfo') return send(res, 200, `<scan:ScanImageInfo xmlns:scan="http://schemas.hp.com/imaging/escl/2011/05/03"><pwg:JobUri xmlns:pwg="http://www.pwg.org/schemas/2010/12/sm">/eSCL/ScanJobs/${job.id}</pwg:JobUri></scan:ScanImageInfo>`, { 'content-type': 'text/xml' });
    return send(res, 405);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => send(res, 500));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/eSCL`,
    port,
    requests,
    server,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
