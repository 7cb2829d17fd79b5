import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PrintService } from './features/print/print-service.ts';
import { printHandlers } from './features/print/print-handlers.ts';
import { CupsPrinter } from './devices/printer/cups-printer.ts';
import type { SystemPrinterDriver } from './devices/printer/system-printer.ts';
import type { HostKind } from './contract/app.ts';
import type { Envelope } from './contract/bridge.ts';
import { EventBus } from './rpc/event-bus.ts';
import { dispatch } from './rpc/dispatch.ts';
import type { CallContext, Handlers } from './rpc/handlers.ts';
import { SettingsService } from './kernel/settings-service.ts';
import { StatusService } from './kernel/status-service.ts';
import { DeviceRegistry } from './devices/registry.ts';
import type { DeviceProbe } from './devices/probe.ts';
import { createScanArea } from './features/scan/scan-area.ts';
import { cupsProbe } from './devices/printer/cups-probe.ts';
import { serialProbe } from './devices/transport/serial-probe.ts';
import { foundationHandlers } from './features/app/app-handlers.ts';
import { auditIdentityReads } from './features/identity/identity-audit.ts';
import { CardService } from './features/card/card-service.ts';
import { cardHandlers } from './features/card/card-handlers.ts';
import { SigningService } from './features/signing/signing-service.ts';
import { signingHandlers } from './features/signing/signing-handlers.ts';
import { SecretStore } from './kernel/secret-store.ts';
import { RolloutService } from './features/admin/rollout/rollout-service.ts';
import { adminHandlers } from './features/admin/admin-handlers.ts';
import { DraftStore } from './features/reception/draft-store.ts';
import { receptionHandlers } from './features/reception/reception-handlers.ts';
import { ReceptionService } from './features/reception/reception-service.ts';
import { typedCaller } from './rpc/caller.ts';
import { prepareTrainingProfile } from './features/training/training-profile.ts';
import { openStore } from './store/store.ts';
import { DiskMonitor, type DiskThresholds } from './store/disk-space.ts';
import { CounterIdentityService } from './features/dossiers/counter-identity-service.ts';
import { syncMigrations } from './features/queue/migrations/0020-outbox.ts';
import { SyncService } from './features/queue/queue-service.ts';
import { syncHandlers } from './features/queue/queue-handlers.ts';
import type { Migration } from './store/migrations/migration.ts';
import { fileKeyProvider, type KeyProvider } from './store/blobs/key-provider.ts';
import { storeHandlers } from './features/dossiers/dossiers-handlers.ts';
import { CalendarService } from './features/calendar/calendar-service.ts';
import { calendarHandlers } from './features/calendar/calendar-handlers.ts';
import { IdentityService } from './features/identity/identity-service.ts';
import { identityHandlers } from './features/identity/identity-handlers.ts';
import { HealthService } from './features/health/health-service.ts';
import { healthHandlers } from './features/health/health-handlers.ts';
import { healthMigrations } from './features/health/migrations/0030-check-ins.ts';
import { scanMigrations } from './features/scan/migrations/0040-scan-sessions.ts';
import { dossierViewHandlers } from './features/dossiers/dossier-view-handlers.ts';
import { dossierComponentSource } from './features/signing/dossier-component-source.ts';
import { TrainingSimulators } from './features/training/training-simulators.ts';
import { trainingHandlers } from './features/training/training-handlers.ts';

export interface CoreConfig {
  dataDir: string;
  host: HostKind;
  version: string;
  trainingMode?: boolean;
  electronVersion?: string;
  /** Replaces the real probes (training mode and tests pass simulators here). */
  probes?: DeviceProbe[];
  /** Encrypts blobs at rest; Electron passes a safeStorage-backed provider, others get a 0600 key file. */
  keyProvider?: KeyProvider;
  /** System printing: Electron passes webContents.print here; otherwise CUPS `lp`. */
  systemPrinter?: SystemPrinterDriver;
  log?: (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;
  /** When the status bar warns about disk space and when work is refused (tests use a small disk). */
  diskThresholds?: DiskThresholds;
}

export interface Core {
  readonly config: CoreConfig;
  readonly bus: EventBus;
  readonly handlers: Handlers;
  call(method: string, input: unknown, ctx?: Partial<CallContext>): Promise<Envelope>;
  close(): Promise<void>;
}

/** The composition root: the one place that builds every service from a configuration. */
export function createCore(config: CoreConfig): Core {
  mkdirSync(config.dataDir, { recursive: true });
  const log = config.log ?? (() => {});
  const trainingMode = config.trainingMode ?? false;
  const bus = new EventBus();
  const settings = new SettingsService(config.dataDir, bus);
  const status = new StatusService(bus, settings.get(), trainingMode);
  // Scanners (eSCL, SANE, hot folder, WIA), the page pipeline and OCR; PDFs go to the store's blobs.
  const scanArea = createScanArea({ dataDir: config.dataDir, trainingMode, bus, store: () => store });
  // QR readers (serial, HID-POS, keyboard wedge) and vendor ID readers; their probe lists the configured ones.
  const identity = new IdentityService({ bus, settings, trainingMode, log });
  // Training mode: the province server, chip reader and printers are simulators (no real printer is touched).
  const training = trainingMode ? new TrainingSimulators({ dataDir: config.dataDir, cscaDir: join(config.dataDir, 'csca'), log }) : undefined;
  const printerProbes = training ? training.probes : [cupsProbe];
  const devices = new DeviceRegistry([...(config.probes ?? [...scanArea.probes, ...printerProbes, serialProbe]), identity.probe], (d) => status.devicesChanged(d));

  const closers: Array<() => void | Promise<void>> = [];
  if (training) closers.push(() => training.close());
  const cards = new CardService({ dataDir: config.dataDir, bus, log, readers: training?.cardReader });
  closers.push(() => cards.close());
  closers.push(() => scanArea.close());

  // The dossier store. Other areas add their migration arrays here (outbox 0020–, identity 0030–, …).
  const migrations: Migration[] = [...healthMigrations, ...syncMigrations, ...scanMigrations];
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
  closers.push(() => store.close());
  // Low disk space warns in the status bar; below the refusal threshold no dossier is accepted.
  const disk = new DiskMonitor(config.dataDir, (space) => status.diskChanged(space), config.diskThresholds);
  closers.push(store.dossiers.guardAccept(() => disk.requireRoom()), () => disk.close());
  if (config.host !== 'cli') disk.start();
  // Chip and QR reads are reads of personal data: audited (with a pseudonym, never the contents).
  closers.push(auditIdentityReads(bus, store.audit, (message, fields) => log('warn', message, fields)));

  // Health-station check-ins (queue numbers, BHYT card checks). Readers and retries run in the app, not in one-shot CLI runs.
  const health = new HealthService({ db: store.db, bus, settings, log });
  if (config.host !== 'cli') {
    void identity.start();
    health.start();
  }
  closers.push(() => identity.close(), () => health.close());

  // Services that orchestrate other areas call them through the contract, like any client.
  const internalCall = typedCaller((method, input) => dispatch(handlers, method, input, { host: config.host }));
  const drafts = new DraftStore(config.dataDir, keyProvider);
  // Scan sessions survive restarts; old ones no reception in progress still refers to are purged here.
  scanArea.purgeStale(drafts.list().map((d) => d.scanSessionId));

  // Credentials, rollout files and diagnostics for the district IT staff.
  const secrets = new SecretStore(config.dataDir, keyProvider);
  const rollout = new RolloutService(settings, secrets);

  // Delivery to the province: the outbox row is written by an accept hook; the engine runs in the app, not in one-shot CLI runs.
  const sync = new SyncService({
    store,
    bus,
    status,
    settings: () => settings.get(),
    clientSecret: () => secrets.get('server.clientSecret'),
    run: config.host !== 'cli',
    log: (message, fields) => log('warn', message, fields),
  });
  closers.push(() => sync.close());
  // The counter identity presented to the province: a clash with another PC of the agency refuses accepts.
  const counterIdentity = new CounterIdentityService({
    store,
    settings: () => settings.get(),
    clientSecret: () => secrets.get('server.clientSecret'),
    log: (message, fields) => log('warn', message, fields),
  });
  closers.push(store.dossiers.guardAccept(() => counterIdentity.guard()), () => counterIdentity.close());
  if (config.host !== 'cli') counterIdentity.start();

  // Each area contributes the handlers of the methods it owns; TypeScript checks none is missing.
  // Digital signatures; the dossier component source is plugged in with signing.setComponentSource.
  const signing = new SigningService({ settings: () => settings.get().signing, emit: (p) => bus.emit('signing.progress', p) });
  // The dossier's component PDFs are what signing.signDossier signs; signed copies replace them in the store.
  signing.setComponentSource(dossierComponentSource(store));

  // Printing: forms to PDF, system printers by profile, ESC/POS tickets; issued PDFs go to the dossier's blobs.
  const print = new PrintService({ settings, systemPrinter: training?.systemPrinter ?? config.systemPrinter ?? new CupsPrinter() });
  const printArchive = {
    dossierIdOf: (code: string) => {
      try {
        return store.dossiers.getByCode(code).id;
      } catch {
        return undefined;
      }
    },
    archive: (id: string, form: string, pdf: Uint8Array) => void store.dossiers.recordForm(id, form, store.blobs.put(pdf).sha256),
  };

  const handlers: Handlers = {
    ...printHandlers(print, printArchive),
    ...signingHandlers(signing),
    ...foundationHandlers({ config, settings, status, devices }),
    ...cardHandlers(cards),
    ...scanArea.handlers,
    ...receptionHandlers(drafts, new ReceptionService(internalCall, drafts, store, settings)),
    ...adminHandlers({
      secrets,
      rollout,
      diagnostics: {
        dataDir: config.dataDir,
        appInfo: () => handlers['app.info']({}, { host: config.host }),
        devices: () => devices.list(),
      },
    }),
    ...storeHandlers({ store, settings, keyKind: keyProvider.kind }),
    ...calendarHandlers(new CalendarService(settings)),
    ...identityHandlers(identity),
    ...healthHandlers(health),
    ...syncHandlers(sync),
    ...trainingHandlers({ simulators: training, cards, sync }),
    // The dossier detail view and returning results: the result is digitized through a scan session.
    ...dossierViewHandlers({
      store,
      verify: (pdf) => signing.verifyBytes(pdf),
      scanner: { pages: (id) => scanArea.scan.get(id).pages, buildPdf: (id) => scanArea.scan.buildPdf(id, null) },
    }),
  };

  // A training profile is made ready to practise before the first call is answered.
  const ready = training
    ? Promise.all([
        prepareTrainingProfile(internalCall, settings).catch((err) => log('error', 'training profile not prepared', { error: String(err) })),
        training.start(settings, secrets).catch((err) => log('error', 'training simulators not started', { error: String(err) })),
      ])
    : Promise.resolve();

  return {
    config,
    bus,
    handlers,
    call: async (method, input, ctx) => {
      await ready;
      return dispatch(handlers, method, input, { host: config.host, ...ctx }, (err, m) =>
        log('error', 'call failed', { method: m, error: err instanceof Error ? err.message : String(err) }),
      );
    },
    async close() {
      for (const close of closers.reverse()) await close();
    },
  };
}
