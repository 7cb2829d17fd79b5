import type { DiskThresholds } from '../store/disk-space.ts';
import type { HostKind } from '../contract/app.ts';
import type { Log } from '../platform/logger.ts';
import type { DeviceProbe } from '../devices/probe.ts';
import type { SystemPrinterDriver } from '../devices/printer/system-printer.ts';
import type { KeyProvider } from '../store/blobs/key-provider.ts';

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
  /** When the status bar warns about disk space and when work is refused (tests use a small disk). */
  diskThresholds?: DiskThresholds;
}
