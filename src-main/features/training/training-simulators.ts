import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Device } from '../../contract/devices.ts';
import type { TrainingStatus } from '../../contract/training.ts';
import { TrainingErrors } from '../../contract/training.ts';
import type { DeviceProbe } from '../../devices/probe.ts';
import type { SettingsService } from '../../kernel/settings-service.ts';
import type { SecretStore } from '../../kernel/secret-store.ts';
import { TrainingCardReader, TRAINING_READER } from '../../devices/idcard/simulated/training-card-reader.ts';
import { TrainingCards } from '../../devices/idcard/simulated/training-cards.ts';
import { bitmapToPng, decodeEscPos, rasterBitmap } from '../../devices/printer/simulated/escpos-decoder.ts';
import { SimulatedTicketPrinter } from '../../devices/printer/simulated/tcp-ticket-printer.ts';
import { PdfFolderPrinter, TRAINING_PRINTER } from '../../devices/printer/simulated/pdf-folder-printer.ts';
import { TRAINING_CLIENT_ID, TRAINING_CLIENT_SECRET, TrainingServer } from './training-server.ts';

export const TRAINING_TICKET_PRINTER_ID = 'training';

/** The port of a loopback URL kept in the settings, to start the server where it was last time. */
function loopbackPort(url: string): number | undefined {
  try {
    const u = new URL(url);
    return u.hostname === '127.0.0.1' && u.port ? Number(u.port) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Everything training mode (Chế độ đào tạo) simulates besides the scanner and QR reader: the
 * province's one-stop server, a chip card reader with sample cards, a PDF "system printer" and an
 * ESC/POS ticket printer. Each is a real protocol peer (HTTP, APDUs, TCP 9100), so the app's own
 * code paths run exactly as at a real counter; nothing leaves the training data folder.
 */
export class TrainingSimulators {
  readonly cardReader: TrainingCardReader;
  readonly cards: TrainingCards;
  readonly systemPrinter: PdfFolderPrinter;
  readonly ticketPrinter = new SimulatedTicketPrinter();
  readonly ticketsDir: string;
  private server?: TrainingServer;
  private ticketAddress = '';

  constructor(
    private readonly o: {
      dataDir: string;
      cscaDir: string;
      /** The kernel's simulated card reader and system printer, which the card and print features use. */
      cardReader: TrainingCardReader;
      systemPrinter: PdfFolderPrinter;
      log?: (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;
    },
  ) {
    this.cardReader = o.cardReader;
    this.cards = new TrainingCards(o.cscaDir);
    this.systemPrinter = o.systemPrinter;
    this.ticketsDir = join(o.dataDir, 'training-tickets');
    this.ticketPrinter.onJob = (bytes) => this.keepTicket(bytes);
  }

  /** Starts the server and printer and points the settings (and the stored secret) at them. */
  async start(settings: SettingsService, secrets: SecretStore): Promise<void> {
    const server = new TrainingServer({ dataDir: this.o.dataDir, preferredPort: loopbackPort(settings.get().server.url) });
    try {
      await server.start();
    } catch (err) {
      throw TrainingErrors.raise('TRAINING_SERVER_FAILED', { reason: String(err) });
    }
    this.server = server;
    this.ticketAddress = await this.ticketPrinter.start();
    // The secret first: the sync engine rebuilds on the settings change and reads it then.
    if (secrets.get('server.clientSecret') !== TRAINING_CLIENT_SECRET) secrets.set('server.clientSecret', TRAINING_CLIENT_SECRET);
    const print = settings.get().print;
    const others = print.ticketPrinters.filter((p) => p.id !== TRAINING_TICKET_PRINTER_ID);
    settings.set({
      server: { url: server.apiUrl, clientId: TRAINING_CLIENT_ID },
      print: {
        ticketPrinters: [
          ...others,
          { id: TRAINING_TICKET_PRINTER_ID, name: 'Máy in phiếu giả lập (đào tạo)', transport: 'tcp', address: this.ticketAddress, baudRate: 9600, mode: 'raster', codepage: 'cp1258', vendor: 'epson', widthDots: 576 },
        ],
        defaultTicketPrinter: print.defaultTicketPrinter || TRAINING_TICKET_PRINTER_ID,
      },
    });
  }

  status(): TrainingStatus {
    return {
      online: this.server?.online ?? false,
      serverUrl: this.server?.apiUrl ?? '',
      printsDir: this.systemPrinter.dir,
      ticketPrinter: this.ticketAddress,
    };
  }

  async setOnline(online: boolean): Promise<TrainingStatus> {
    if (!this.server) throw TrainingErrors.raise('TRAINING_SERVER_FAILED', { reason: 'not started' });
    await this.server.setOnline(online);
    return this.status();
  }

  /** Each ticket as the raw bytes and, when it is a raster job, the picture that would come out. */
  private keepTicket(bytes: Buffer): void {
    this.ticketPrinter.reset();
    try {
      mkdirSync(this.ticketsDir, { recursive: true });
      const name = new Date().toISOString().replace(/[:.]/g, '-');
      writeFileSync(join(this.ticketsDir, `${name}.bin`), bytes);
      const bitmap = rasterBitmap(decodeEscPos(bytes));
      if (bitmap.width && bitmap.height) writeFileSync(join(this.ticketsDir, `${name}.png`), bitmapToPng(bitmap));
    } catch (err) {
      this.o.log?.('warn', 'training ticket not kept', { error: String(err) });
    }
  }

  /** The simulated devices, listed by devices.list with simulated = true. */
  get probes(): DeviceProbe[] {
    const device = (d: Omit<Device, 'simulated' | 'status'>): Device => ({ ...d, status: 'ready', simulated: true });
    return [
      { kind: 'printer', driver: 'training-pdf', probe: async () => [device({ id: 'training:pdf', kind: 'printer', driver: 'training-pdf', name: TRAINING_PRINTER, address: this.systemPrinter.dir })] },
      {
        kind: 'printer',
        driver: 'escpos-sim',
        probe: async () => [device({ id: `escpos:${TRAINING_TICKET_PRINTER_ID}`, kind: 'printer', driver: 'escpos-sim', name: 'Máy in phiếu giả lập (đào tạo)', address: this.ticketAddress })],
      },
      { kind: 'idcard', driver: 'virtual-chip', probe: async () => [device({ id: 'training:chip', kind: 'idcard', driver: 'virtual-chip', name: TRAINING_READER, address: 'in-process' })] },
    ];
  }

  async close(): Promise<void> {
    this.cardReader.stop();
    await this.server?.close();
    await this.ticketPrinter.stop().catch(() => undefined);
  }
}
