import type { Device } from '../../contract/devices.ts';
import type { ScanCaps, ScanSettings } from '../../contract/scan.ts';
import type { OcrWord } from '../../contract/scan.ts';

/** One page as the driver delivered it (before the page pipeline). */
export interface RawPage {
  bytes: Buffer;
  mime: string;
  dpi: number;
  side?: 'front' | 'back';
  /** Text layer of a born-digital PDF page: the pipeline uses it instead of OCR. */
  textLayer?: { text: string; words: OcrWord[] };
}

export interface ScanEvents {
  /** Called for every page as soon as it is complete (pages stream out, NAPS2's PageEnd). */
  page(page: RawPage): void | Promise<void>;
  /** 0–1 for the page being transferred, where the driver knows it. */
  progress?(p: number): void;
}

/**
 * The NAPS2 IScanDriver shape: list devices, capabilities per source, scan with page events.
 * Cancellation is the AbortSignal; errors are ScanErrors with Vietnamese messages.
 */
export interface ScanDriver {
  /** Prefix of the device ids this driver owns (`escl`, `sane`, `hotfolder`, `wia`). */
  readonly name: string;
  listDevices(): Promise<Device[]>;
  caps(deviceId: string): Promise<ScanCaps>;
  scan(deviceId: string, settings: ScanSettings, events: ScanEvents, signal: AbortSignal): Promise<void>;
}

export function driverOf(deviceId: string): string {
  return deviceId.slice(0, deviceId.indexOf(':'));
}

export function addressOf(deviceId: string): string {
  return deviceId.slice(deviceId.indexOf(':') + 1);
}
