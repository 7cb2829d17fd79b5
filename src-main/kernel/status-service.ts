import type { CoreStatus } from '../contract/status.ts';
import type { Device } from '../contract/devices.ts';
import type { Settings } from '../contract/settings.ts';
import type { EventBus } from '../rpc/event-bus.ts';

/** Folds device and server state into the one summary the status bar shows, and announces changes. */
export class StatusService {
  private devices: Device[] = [];
  private server: CoreStatus['server'];
  private disk: CoreStatus['disk'];

  constructor(private readonly bus: EventBus, settings: Settings, private readonly trainingMode: boolean) {
    this.server = settings.server.url ? 'offline' : 'unconfigured';
  }

  get(): CoreStatus {
    return {
      devices: { ready: this.devices.filter((d) => d.status === 'ready').length, total: this.devices.length },
      server: this.server,
      trainingMode: this.trainingMode,
      ...(this.disk ? { disk: this.disk } : {}),
      at: new Date().toISOString(),
    };
  }

  devicesChanged(devices: Device[]): void {
    this.devices = devices;
    this.bus.emit('devices.changed', devices);
    this.bus.emit('status.changed', this.get());
  }

  diskChanged(disk: NonNullable<CoreStatus['disk']>): void {
    this.disk = { level: disk.level, freeBytes: disk.freeBytes };
    this.bus.emit('status.changed', this.get());
  }

  serverChanged(state: CoreStatus['server']): void {
    if (state === this.server) return;
    this.server = state;
    this.bus.emit('status.changed', this.get());
  }
}
