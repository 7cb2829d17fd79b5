import type { Envelope } from './contract/bridge.ts';
import type { EventBus } from './rpc/event-bus.ts';
import { dispatch } from './rpc/dispatch.ts';
import type { CallContext, Handlers } from './rpc/handlers.ts';
import { buildKernel, type CoreConfig } from './kernel/kernel.ts';
import type { Log } from './platform/logger.ts';
import { MethodTable } from './kernel/method-table.ts';
import type { Feature, FeatureParts } from './kernel/feature.ts';
import { features as defaultFeatures, featureMigrations } from './feature-list.ts';

export type { CoreConfig } from './kernel/kernel.ts';

export interface Core {
  readonly config: CoreConfig;
  readonly bus: EventBus;
  readonly handlers: Handlers;
  call(method: string, input: unknown, ctx?: Partial<CallContext>): Promise<Envelope>;
  close(): Promise<void>;
}

/**
 * The composition root: builds the kernel (the store opened with every feature's migrations), then
 * each feature in list order. A method answered twice, or not at all, stops the start loudly.
 */
export function createCore(config: CoreConfig, features: readonly Feature[] = defaultFeatures): Core {
  const table = new MethodTable();
  const kernel = buildKernel(config, featureMigrations(features), table);
  const created: Array<{ name: string; parts: FeatureParts }> = [];
  const close = () => closeAll(created, kernel.close, kernel.log);
  try {
    if (config.probes) kernel.devices.registry.add(config.probes);
    for (const feature of features) {
      const parts = feature.create(kernel);
      created.push({ name: feature.name, parts });
      table.add(feature.name, feature.prefixes, parts.handlers);
      kernel.devices.registry.add([...(config.probes ? [] : (parts.probes ?? [])), ...(parts.configuredProbes ?? [])]);
    }
    const missing = table.missing();
    if (missing.length > 0) throw new Error(`no feature answers ${missing.join(', ')}`);
  } catch (err) {
    void close();
    throw err;
  }

  // Every host prepares (clean-ups, training profile) before the first call; only apps run background work.
  const ready = (async () => {
    for (const { name, parts } of created) await step(name, 'prepare', () => parts.prepare?.(), kernel.log);
  })();
  const started = (async () => {
    if (kernel.background) for (const { name, parts } of created) await step(name, 'start', () => parts.start?.(), kernel.log);
  })();

  return {
    config,
    bus: kernel.bus,
    handlers: table.handlers(),
    call: async (method, input, ctx) => {
      await ready;
      return dispatch(table.handlers(), method, input, { host: config.host, ...ctx }, (err, m) =>
        kernel.log('error', 'call failed', { method: m, error: err instanceof Error ? err.message : String(err) }),
      );
    },
    close: async () => {
      await Promise.all([ready, started]);
      await close();
    },
  };
}

/** A failing step is logged, not fatal: the other features still prepare, start and answer. */
async function step(feature: string, what: string, run: () => unknown, log: Log): Promise<void> {
  try {
    await run();
  } catch (err) {
    log('error', `feature ${feature}: ${what} failed`, { error: err instanceof Error ? err.message : String(err) });
  }
}

/** Closes the features in reverse order, then the kernel; one failing closer does not stop the others. */
export async function closeAll(created: ReadonlyArray<{ name: string; parts: FeatureParts }>, closeKernel: () => void, log: Log): Promise<void> {
  for (const { name, parts } of [...created].reverse()) await step(name, 'close', () => parts.close?.(), log);
  await step('kernel', 'close', closeKernel, log);
}
