import { mkdirSync } from 'node:fs';
import type { Log } from '../platform/logger.ts';
import { EventBus } from '../rpc/event-bus.ts';
import { dispatch } from '../rpc/dispatch.ts';
import { typedCaller, type Caller } from '../rpc/caller.ts';
import { openStore, type Store } from '../store/store.ts';
import { DiskMonitor } from '../store/disk-space.ts';
import type { Migration } from '../store/migrations/migration.ts';
import { fileKeyProvider, type KeyProvider } from '../store/blobs/key-provider.ts';
import type { CoreConfig } from './core-config.ts';
import { SettingsService } from './settings-service.ts';
import { StatusService } from './status-service.ts';
import { SecretStore } from './secret-store.ts';
import { kernelDevices, type KernelDevices } from './kernel-devices.ts';
import type { MethodTable } from './method-table.ts';
import { IdentityReads } from './identity-reads.ts';
import { installFetch, observeResponses } from '../platform/http.ts';

export type { CoreConfig } from './core-config.ts';

/** What every feature is given: the shared services of the counter, and the contract to reach the others. */
export interface Kernel {
  readonly config: CoreConfig;
  readonly trainingMode: boolean;
  /** False in one-shot CLI runs, which start no readers, engines or retries. */
  readonly background: boolean;
  readonly log: Log;
  readonly bus: EventBus;
  readonly settings: SettingsService;
  readonly status: StatusService;
  readonly secrets: SecretStore;
  readonly keyProvider: KeyProvider;
  /** The dossier store, opened with the migrations of every feature. */
  readonly store: Store;
  readonly devices: KernelDevices;
  /** Calls a method of another feature through the contract (validated both ways), never its files. */
  readonly call: Caller;
  /** The identity reads this core made itself: a dossier's trust is derived from them, never claimed. */
  readonly identityReads: IdentityReads;
  close(): void;
}

/** Builds the kernel; `methods` is the table the features' handlers are added to afterwards. */
export function buildKernel(config: CoreConfig, migrations: readonly Migration[], methods: MethodTable): Kernel {
  mkdirSync(config.dataDir, { recursive: true });
  const log = config.log ?? (() => {});
  const trainingMode = config.trainingMode ?? false;
  const bus = new EventBus();
  const settings = new SettingsService(config.dataDir, bus);
  const status = new StatusService(bus, settings.get(), trainingMode);
  const restoreFetch = config.fetch ? installFetch(config.fetch) : () => {};
  // The province server's Date header tells whether the PC clock is right (status-bar warning).
  const stopWatchingClock = observeResponses((url, res) => {
    const server = settings.get().server.url;
    if (server && url.startsWith(server.replace(/\/+$/, ''))) status.serverClock(res.headers.get('date'));
  });
  const keyProvider = config.keyProvider ?? fileKeyProvider(config.dataDir);
  const store = openStore({
    dataDir: config.dataDir,
    keyProvider,
    migrations,
    agency: () => {
      const s = settings.get();
      return { code: s.agency.code, counterId: s.agency.counterId, delegatedNumbering: s.dossierStore.delegatedNumbering };
    },
  });
  const identityReads = new IdentityReads();
  const stopReads = identityReads.listen(bus);
  // Low disk space warns in the status bar; below the refusal threshold no dossier is accepted.
  const disk = new DiskMonitor(config.dataDir, (space) => status.diskChanged(space), config.diskThresholds);
  const unguard = store.dossiers.guardAccept(() => disk.requireRoom());
  if (config.host !== 'cli') disk.start();
  return {
    config,
    trainingMode,
    background: config.host !== 'cli',
    log,
    bus,
    settings,
    status,
    secrets: new SecretStore(config.dataDir, keyProvider),
    keyProvider,
    store,
    devices: kernelDevices(config, trainingMode, (d) => status.devicesChanged(d)),
    call: typedCaller((method, input) => dispatch(methods.handlers(), method, input, { host: config.host })),
    identityReads,
    close: () => {
      unguard();
      disk.close();
      stopReads();
      store.close();
      stopWatchingClock();
      restoreFetch();
    },
  };
}
