export type NetworkState = 'online' | 'offline' | 'unconfigured';

export interface NetworkMonitorOptions {
  ping: () => Promise<boolean>;
  /** Poll period while online, and (shorter) while offline. */
  onlineEveryMs?: number;
  offlineEveryMs?: number;
  onChange: (state: NetworkState) => void;
}

/**
 * Whether the province's server is reachable: a cheap /health probe on a timer, faster while
 * offline, and immediately updated by real traffic (a delivery that got an HTTP answer proves the
 * server is there; a dropped connection triggers a probe).
 */
export class NetworkMonitor {
  private current: NetworkState = 'offline';
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private probing: Promise<NetworkState> | undefined;

  constructor(private readonly o: NetworkMonitorOptions) {}

  get state(): NetworkState {
    return this.current;
  }

  start(): void {
    this.stopped = false;
    void this.probe();
  }

  /** Probes now (single-flight) and reschedules. */
  probe(): Promise<NetworkState> {
    this.probing ??= this.o
      .ping()
      .catch(() => false)
      .then((up) => {
        this.set(up ? 'online' : 'offline');
        this.schedule();
        return this.current;
      })
      .finally(() => (this.probing = undefined));
    return this.probing;
  }

  /** Real traffic says reachable or not. */
  report(reachable: boolean): void {
    if (reachable) this.set('online');
    else if (this.current === 'online') void this.probe();
  }

  private set(state: NetworkState): void {
    if (state === this.current) return;
    this.current = state;
    this.o.onChange(state);
  }

  private schedule(): void {
    clearTimeout(this.timer);
    if (this.stopped) return;
    const every = this.current === 'online' ? (this.o.onlineEveryMs ?? 30_000) : (this.o.offlineEveryMs ?? 5_000);
    this.timer = setTimeout(() => void this.probe(), every);
    this.timer.unref?.();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }
}
