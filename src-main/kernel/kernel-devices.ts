import { join } from 'node:path';
import type { Device } from '../contract/devices.ts';
import { DeviceRegistry } from '../devices/registry.ts';
import { CupsPrinter } from '../devices/printer/cups-printer.ts';
import type { SystemPrinterDriver } from '../devices/printer/system-printer.ts';
import { PdfFolderPrinter } from '../devices/printer/simulated/pdf-folder-printer.ts';
import { TrainingCardReader } from '../devices/idcard/simulated/training-card-reader.ts';
import type { CoreConfig } from './core-config.ts';

/** The devices every feature shares; in training mode the card reader and system printer are simulators. */
export interface KernelDevices {
  /** Every probe the features contribute; `devices.list` reads it. */
  readonly registry: DeviceRegistry;
  /** Where system print jobs go: Electron's webContents.print, CUPS `lp`, or (training) a PDF folder. */
  readonly systemPrinter: SystemPrinterDriver;
  /** Training mode only: the in-process reader sample chips are placed on. */
  readonly trainingCardReader?: TrainingCardReader;
  /** Training mode only: the PDF folder behind `systemPrinter`. */
  readonly trainingPrinter?: PdfFolderPrinter;
}

export function kernelDevices(config: CoreConfig, trainingMode: boolean, onChange: (devices: Device[]) => void): KernelDevices {
  const registry = new DeviceRegistry(config.probes ?? [], onChange);
  if (!trainingMode) return { registry, systemPrinter: config.systemPrinter ?? new CupsPrinter() };
  // No real printer is touched in training mode: each job becomes a PDF in the training profile.
  const trainingPrinter = new PdfFolderPrinter(join(config.dataDir, 'training-prints'));
  return { registry, systemPrinter: trainingPrinter, trainingPrinter, trainingCardReader: new TrainingCardReader() };
}
