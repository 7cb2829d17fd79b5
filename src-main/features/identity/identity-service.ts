import type { EventBus } from '../../rpc/event-bus.ts';
import type { SettingsService } from '../../kernel/settings-service.ts';
import type { Device } from '../../contract/devices.ts';
import type { DeviceProbe } from '../../devices/probe.ts';
import { CounterError } from '../../contract/errors.ts';
import type { Identity } from '../../contract/identity.ts';
import type { IdentityRead, IdentityReaderSettings, ReadSource, ReaderState } from '../../contract/idread.ts';
import { parseAny, type ParseHint } from '../../domain/identity/parse-any.ts';
import { TRAINING_SAMPLES, type TrainingSample } from '../../domain/identity/training-samples.ts';
import type { IdReader, ReaderEvent } from '../../devices/qr/qr-reader.ts';
import { SerialQrReader } from '../../devices/qr/serial-qr-reader.ts';
import { HidPosReader } from '../../devices/qr/hid-pos-reader.ts';
import { VendorSocketReader } from '../../devices/qr/vendor-socket-reader.ts';
import { TrainingQrReader } from '../../devices/qr/simulated/training-reader.ts';
import { IdentityServiceErrors } from '../../contract/idread.ts';

type Log = (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;

export interface IdentityServiceDeps {
  bus: EventBus;
  settings: SettingsService;
  trainingMode: boolean;
  log: Log;
}

/**
 * Owns the QR and vendor ID readers configured on this PC, turns what they read into normalised
 * identities and announces them as `identity.read`. Only codes and device ids reach the log.
 */
export class IdentityService {
  private readers: IdReader[] = [];
  private readonly readerUnsubs: Array<() => void> = [];
  private unsubscribe: Array<() => void> = [];
  private configured = '';
  private training: TrainingQrReader | undefined;
  private started = false;

  constructor(private readonly d: IdentityServiceDeps) {}

  parse(text: string, hint: ParseHint = 'auto'): Identity {
    return parseAny(text, hint);
  }

  /** Text from a keyboard-wedge scanner (the renderer's burst detector) or typed by hand. */
  submit(text: string, source: ReadSource): IdentityRead {
    const read = this.announce(parseAny(text), source);
    return read;
  }

  readersState(): ReaderState[] {
    return this.readers.map((r) => r.state());
  }

  /** Starts the configured readers and follows configuration changes (not used by one-shot CLI runs). */
  async start(): Promise<void> {
    this.started = true;
    await this.configure(this.d.settings.get().identityReaders);
    this.unsubscribe.push(
      this.d.bus.on('settings.changed', (settings) => void this.configure(settings.identityReaders)),
    );
  }

  async close(): Promise<void> {
    this.started = false;
    for (const u of this.unsubscribe.splice(0)) u();
    await Promise.all(this.readers.map((r) => r.close()));
    this.readers = [];
  }

  /** Training mode: the simulated reader scans one of the synthetic samples. */
  trainingScan(sample: TrainingSample): void {
    if (!this.training) throw IdentityServiceErrors.raise('IDENTITY_NOT_TRAINING');
    this.training.scan(TRAINING_SAMPLES[sample]);
  }

  readonly probe: DeviceProbe = {
    kind: 'qr',
    driver: 'identity-readers',
    probe: async () =>
      this.readers.map<Device>((r) => {
        const s = r.state();
        return {
          id: r.id,
          kind: r.driver === 'vendor-socket' ? 'idcard' : 'qr',
          driver: r.driver,
          name: r.simulated ? 'Máy quét mô phỏng (đào tạo)' : r.driver === 'vendor-socket' ? 'Đầu đọc CCCD (socket)' : `Máy quét QR (${r.driver})`,
          address: r.address,
          status: s.status,
          simulated: r.simulated,
          detail: s.lastError,
        };
      }),
  };

  private async configure(cfg: IdentityReaderSettings): Promise<void> {
    const key = JSON.stringify(cfg);
    if (!this.started || key === this.configured) return;
    this.configured = key;
    await Promise.all(this.readers.map((r) => r.close()));
    for (const u of this.readerUnsubs.splice(0)) u();
    const next: IdReader[] = [
      ...cfg.serial.map((s) => new SerialQrReader(s)),
      ...cfg.hidPos.map((h) => new HidPosReader(parseInt(h.vendorId, 16), parseInt(h.productId, 16))),
      ...cfg.vendorSocketUrls.map((u) => new VendorSocketReader(u)),
    ];
    if (this.d.trainingMode) {
      this.training = new TrainingQrReader();
      next.push(this.training);
    }
    this.readers = next;
    for (const r of next) {
      this.readerUnsubs.push(r.on((e) => this.onReaderEvent(r, e)));
      await r.open();
    }
    this.d.bus.emit('identity.readersChanged', this.readersState());
  }

  private onReaderEvent(r: IdReader, e: ReaderEvent): void {
    const source: ReadSource = { deviceId: r.id, driver: r.driver, simulated: r.simulated };
    switch (e.type) {
      case 'text':
        try {
          this.announce(parseAny(e.text), source);
        } catch (err) {
          this.fail(source, err);
        }
        break;
      case 'identity':
        this.announce(e.identity, source);
        break;
      case 'broken':
        this.fail(source, IdentityServiceErrors.raise('QR_FRAME_BROKEN'));
        break;
      case 'failed':
        this.fail(source, IdentityServiceErrors.raise('VENDOR_READ_FAILED', { code: e.code }));
        break;
      case 'status':
        this.d.log(e.state.status === 'ready' ? 'info' : 'warn', 'id reader status', { device: r.id, status: e.state.status, code: e.state.lastError });
        this.d.bus.emit('identity.readersChanged', this.readersState());
        break;
    }
  }

  private announce(identity: Identity, source: ReadSource): IdentityRead {
    const read: IdentityRead = { identity, source, at: new Date().toISOString() };
    // Kind and warning codes only: names and numbers stay out of the log.
    this.d.log('info', 'identity read', { device: source.deviceId, kind: identity.kind, warnings: identity.warnings.map((w) => w.code) });
    this.d.bus.emit('identity.read', read);
    return read;
  }

  private fail(source: ReadSource, err: unknown): void {
    const body = err instanceof CounterError ? { code: err.code, message: err.messages.vi } : { code: 'INTERNAL', message: 'Lỗi nội bộ.' };
    this.d.log('warn', 'identity read failed', { device: source.deviceId, code: body.code });
    this.d.bus.emit('identity.readFailed', { source, at: new Date().toISOString(), error: body });
  }
}
