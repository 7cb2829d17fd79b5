import type { EventBus } from '../rpc/event-bus.ts';
import type { DeviceProbe } from '../devices/probe.ts';
import type { ScanDriver } from '../devices/scanner/driver.ts';
import { OcrPool } from '../documents/ocr-pool.ts';
import { ScanService, type ScanServiceOptions } from './scan-service.ts';
import { scanHandlers } from './scan-handlers.ts';
import { documentsHandlers } from './documents-handlers.ts';
import { createScannerDrivers } from './scanner-drivers.ts';

export interface ScanAreaConfig {
  dataDir: string;
  trainingMode: boolean;
  bus: EventBus;
  /** Tests pass simulators' drivers here. */
  drivers?: ScanDriver[];
  /** The store engineer's blob store and search index (structural, so tests can pass their own). */
  store?: () => {
    blobs: { put(bytes: Uint8Array): { sha256: string } };
    search: { indexPageText(dossierId: string, componentId: string, pageNo: number, text: string): void };
  };
}

/** PDFs go into the encrypted blob store; page texts into FTS when the dossier is known. */
function storePdf(getStore: NonNullable<ScanAreaConfig['store']>): NonNullable<ScanServiceOptions['onPdfBuilt']> {
  return (pdf) => {
    const store = getStore();
    store.blobs.put(pdf.bytes);
    const { dossierId, componentId } = pdf;
    if (dossierId && componentId) pdf.pageTexts.forEach((text, i) => store.search.indexPageText(dossierId, componentId, i + 1, text));
    return true;
  };
}

/** Everything of the digitisation area that core.ts needs: its probes, handlers and close. */
export function createScanArea(c: ScanAreaConfig) {
  let pool: OcrPool | undefined;
  const ocr = () => (pool ??= new OcrPool({ dataDir: c.dataDir }));
  const scan = new ScanService({
    dataDir: c.dataDir,
    drivers: c.drivers ?? createScannerDrivers(c.dataDir, c.trainingMode),
    ocr,
    emit: (session) => c.bus.emit('scan.changed', session),
    onPdfBuilt: c.store ? storePdf(c.store) : undefined,
  });
  const probes: DeviceProbe[] = scan.probes();
  return {
    scan,
    probes,
    handlers: { ...scanHandlers(scan), ...documentsHandlers({ dataDir: c.dataDir, scan, ocr }) },
    async close() {
      await scan.close();
      await pool?.close();
    },
  };
}
