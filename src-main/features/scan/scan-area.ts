import type { EventBus } from '../../rpc/event-bus.ts';
import type { DeviceProbe } from '../../devices/probe.ts';
import type { ScanDriver } from '../../devices/scanner/driver.ts';
import { AutoOcrEngine } from '../../documents/ocr-select.ts';
import { ocrProbe } from '../../documents/ocr-probe.ts';
import { ScanService, type ScanServiceOptions } from './scan-service.ts';
import { scanHandlers } from './scan-handlers.ts';
import { documentsHandlers } from './documents-handlers.ts';
import { createScannerDrivers } from './scanner-drivers.ts';
import { ScanSessionStore, type ScanStoreDeps } from './scan-session-store.ts';
import { sweepOrphanScanTemp } from './scan-temp-sweep.ts';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

/** Sessions nobody touched for this long, and no reception in progress refers to, are purged at start-up. */
export const SCAN_RETENTION_DAYS = 7;

export interface ScanAreaConfig {
  dataDir: string;
  trainingMode: boolean;
  bus: EventBus;
  /** Tests pass simulators' drivers here. */
  drivers?: ScanDriver[];
  /** The store's blobs and search index (structural, so tests can pass their own). */
  store?: () => ScanStoreDeps & {
    search: { indexPageText(dossierId: string, componentId: string, pageNo: number, text: string): void };
  };
  /** Days after which an untouched session not referenced by a draft is purged (default 7). */
  retentionDays?: number;
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

/** Everything the scan feature gives the core: its probes, handlers, start-up clean-up and close. */
export function createScanArea(c: ScanAreaConfig) {
  // Native Tesseract where found, tesseract.js otherwise; nothing starts before the first page.
  const engine = new AutoOcrEngine({ dataDir: c.dataDir });
  const ocr = () => engine;
  const scan = new ScanService({
    dataDir: c.dataDir,
    drivers: c.drivers ?? createScannerDrivers(c.dataDir, c.trainingMode),
    ocr,
    emit: (session) => c.bus.emit('scan.changed', session),
    onPdfBuilt: c.store ? storePdf(c.store) : undefined,
    // With a store, sessions live in SQLite + encrypted blobs and survive a crash.
    persist: c.store ? new ScanSessionStore(c.store) : undefined,
  });
  const probes: DeviceProbe[] = [...scan.probes(), ocrProbe(engine)];
  return {
    scan,
    probes,
    /**
     * Start-up clean-up, once the store is open, given the drafts' scan session ids: stale sessions,
     * plaintext temp folders a killed process left, and the unencrypted PDF folder older versions used.
     */
    purgeStale: (referenced: Iterable<string | undefined>) => {
      sweepOrphanScanTemp();
      if (c.store) rmSync(join(c.dataDir, 'scans'), { recursive: true, force: true });
      return scan.purgeStale(c.retentionDays ?? SCAN_RETENTION_DAYS, [...referenced].filter((id): id is string => !!id));
    },
    handlers: { ...scanHandlers(scan), ...documentsHandlers({ dataDir: c.dataDir, scan, ocr }) },
    async close() {
      await scan.close();
      await engine.close();
    },
  };
}
