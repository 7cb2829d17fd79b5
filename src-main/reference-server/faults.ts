/**
 * Fault injection for the reference one-stop server. Rules are set on command (POST /__faults) by
 * tests, training and demos; each request takes at most one matching fault.
 */
export const FAULT_KINDS = ['drop', 'error500', 'unavailable503', 'slow', 'lostAck', 'tokenExpiry', 'duplicate'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultRule {
  kind: FaultKind;
  /** Only requests with this method (GET, POST, PATCH…). */
  method?: string;
  /** Only paths matching this regular expression (after the base path). */
  path?: string;
  /** Chance per matching request, 0–1 (default 1). */
  probability?: number;
  /** How many times it may fire; unlimited when absent. */
  times?: number;
  /** For unavailable503: the Retry-After seconds (default 1). */
  retryAfterSec?: number;
  /** For slow: extra delay in ms (default 2000). */
  delayMs?: number;
}

export interface FaultPlan {
  rules: FaultRule[];
  seed?: number;
}

/** mulberry32: a seeded generator, so a failing fault run can be replayed with the same seed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultInjector {
  private rules: Array<FaultRule & { re?: RegExp; left: number }> = [];
  private random: () => number = Math.random;
  readonly fired: Record<string, number> = {};

  set(plan: FaultPlan): void {
    for (const r of plan.rules) {
      if (!FAULT_KINDS.includes(r.kind)) throw new Error(`unknown fault kind ${String(r.kind)}`);
    }
    this.rules = plan.rules.map((r) => ({ ...r, re: r.path ? new RegExp(r.path) : undefined, left: r.times ?? Infinity }));
    this.random = plan.seed === undefined ? Math.random : seeded(plan.seed);
  }

  clear(): void {
    this.rules = [];
  }

  /** The fault this request suffers, if any. */
  pick(method: string, path: string): FaultRule | undefined {
    for (const r of this.rules) {
      if (r.left <= 0) continue;
      if (r.method && r.method.toUpperCase() !== method) continue;
      if (r.re && !r.re.test(path)) continue;
      if (this.random() >= (r.probability ?? 1)) continue;
      r.left -= 1;
      this.fired[r.kind] = (this.fired[r.kind] ?? 0) + 1;
      return r;
    }
    return undefined;
  }

  /** A fraction in [0, 1) from the plan's generator (where a dropped upload cuts off). */
  fraction(): number {
    return this.random();
  }
}
