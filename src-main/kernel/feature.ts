import type { DeviceProbe } from '../devices/probe.ts';
import type { Handlers } from '../rpc/handlers.ts';
import type { Migration } from '../store/migrations/migration.ts';
import type { Kernel } from './kernel.ts';

/** What a feature gives the core once created. */
export interface FeatureParts {
  /** The handlers of the methods under the feature's prefixes, each exactly once. */
  handlers: Partial<Handlers>;
  /** Probes that search the machine for hardware; a config's `probes` replaces them (tests, simulators). */
  probes?: DeviceProbe[];
  /** Probes that list devices named in the settings; kept whatever the config's `probes`. */
  configuredProbes?: DeviceProbe[];
  /** Runs in every host, once all handlers exist, before the first call is answered. */
  prepare?(): Promise<void> | void;
  /** Background work (readers, engines, retries); not run in one-shot CLI runs. */
  start?(): Promise<void> | void;
  close?(): Promise<void> | void;
}

/**
 * A capability of the counter: a folder under src-main/features named after the contract prefix it
 * owns. It reaches other features only through `kernel.call` (the contract) and `kernel.bus` (events).
 */
export interface Feature {
  readonly name: string;
  /** Contract method prefixes this feature answers ('scan' owns 'scan.*'); no two features share one. */
  readonly prefixes: readonly string[];
  /** Its numbered schema steps, ids in its own range; the store runs every feature's in id order. */
  readonly migrations?: readonly Migration[];
  create(kernel: Kernel): FeatureParts;
}
