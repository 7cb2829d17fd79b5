import type { DiskThresholds } from '../store/disk-space.ts';
import type { HostKind } from '../contract/app.ts';
import type { Log } from '../platform/logger.ts';
import type { DeviceProbe } from '../devices/probe.ts';
import type { SystemPrinterDriver } from '../devices/printer/system-printer.ts';
import type { KeyProvider } from '../store/blobs/key-provider.ts';
import type { FetchLike } from '../platform/http.ts';

/** How a shell (Electron, web host, CLI) configures the core. */
export interface CoreConfig {
  dataDir: string;
  host: HostKind;
  version: string;
  trainingMode?: boolean;
  electronVersion?: string;
  /** Replaces the probes that search the machine for hardware (training mode and tests pass simulators here). */
  probes?: DeviceProbe[];
  /** Encrypts blobs at rest; Electron passes a safeStorage-backed provider, others get a 0600 key file. */
  keyProvider?: KeyProvider;
  /** System printing: Electron passes webContents.print here; otherwise CUPS `lp`. */
  systemPrinter?: SystemPrinterDriver;
  log?: Log;
  /** Every HTTP client of the core uses this (Electron: net.fetch, for the Windows proxy and certificate store). */
  fetch?: FetchLike;
  /** Where Electron's crash reporter keeps its local minidumps (diagnostics export includes them). */
  crashDumpsDir?: string;
  /** When the status bar warns about disk space and when work is refused (tests use a small disk). */
  diskThresholds?: DiskThresholds;
}
