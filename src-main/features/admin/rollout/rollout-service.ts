import { SettingsPatch } from '../../../contract/settings.ts';
import { SecretName, type ConfigBundle } from '../../../contract/admin.ts';
import type { AnnouncedPlan } from '../../../contract/calendar.ts';
import type { SettingsService } from '../../../kernel/settings-service.ts';
import type { SecretStore } from '../../../kernel/secret-store.ts';
import { createPublicKey } from 'node:crypto';
import { decryptSecrets, encryptSecrets, keyFingerprint, signBundle, verifyBundle } from './config-bundle.ts';
import { RolloutErrors } from '../../../contract/admin.ts';

/** The calendar plans travel in their own section of the file, not inside the settings. */
function withoutPlans(settings: Record<string, unknown>): Record<string, unknown> {
  const calendar = settings.calendar as Record<string, unknown> | undefined;
  if (!calendar || !('announcedPlans' in calendar)) return settings;
  const { announcedPlans: _plans, ...rest } = calendar;
  return { ...settings, calendar: rest };
}

/** A pushed plan replaces the plan of its year; the other years stay. */
function mergePlans(current: AnnouncedPlan[], pushed: AnnouncedPlan[]): AnnouncedPlan[] {
  const byYear = new Map(current.map((p) => [p.year, p]));
  for (const p of pushed) byYear.set(p.year, p);
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/** Settings that belong to one PC and never travel in a rollout file. */
const MACHINE_LOCAL: Record<string, string[]> = { agency: ['counterId'], rollout: ['trustedKeys', 'lastSequence'] };

function withoutMachineLocal(settings: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [section, values] of Object.entries(settings)) {
    const local = MACHINE_LOCAL[section];
    if (!local || typeof values !== 'object' || values === null) {
      out[section] = values;
      continue;
    }
    out[section] = Object.fromEntries(Object.entries(values).filter(([k]) => !local.includes(k)));
  }
  return out;
}

/**
 * One district configures 39 communes once: export signs the configuration with the district key;
 * import checks the signature, that the key is trusted here and that the file is newer than the
 * last one applied, then applies it. The first key is trusted by comparing its fingerprint; after
 * that the key changes only through a file signed by the trusted key that names its successor.
 */
export class RolloutService {
  constructor(private readonly settings: SettingsService, private readonly secrets: SecretStore) {}

  export(input: { privateKeyPem: string; keyPassphrase: string; secretsPassphrase?: string; issuer: string; sequence?: number; nextPublicKeyPem?: string }): ConfigBundle {
    const values = this.secrets.entries();
    const plans = this.settings.get().calendar.announcedPlans;
    let nextKey: ConfigBundle['nextKey'];
    if (input.nextPublicKeyPem) {
      try {
        const publicKey = createPublicKey(input.nextPublicKeyPem).export({ type: 'spki', format: 'pem' }).toString();
        nextKey = { publicKey, fingerprint: keyFingerprint(publicKey) };
      } catch {
        throw RolloutErrors.raise('ROLLOUT_BAD_KEY');
      }
    }
    return signBundle(
      {
        format: 'one-stop-counter/config',
        version: 1,
        createdAt: new Date().toISOString(),
        sequence: input.sequence ?? Date.now(),
        nextKey,
        issuer: input.issuer,
        settings: withoutPlans(withoutMachineLocal(this.settings.get() as unknown as Record<string, unknown>)),
        secrets: input.secretsPassphrase && Object.keys(values).length ? encryptSecrets(values, input.secretsPassphrase) : undefined,
        calendar: plans.length ? { plans } : undefined,
      },
      input.privateKeyPem,
      input.keyPassphrase,
    );
  }

  import(input: { bundle: unknown; secretsPassphrase?: string; trustFingerprint?: string }) {
    const bundle = verifyBundle(input.bundle);
    const fingerprint = bundle.signature.fingerprint;
    const { trustedKeys: trusted, lastSequence } = this.settings.get().rollout;
    if (!trusted.includes(fingerprint)) {
      // A second key gets no one-click trust: that prompt is how a forged file would get in.
      if (trusted.length > 0) throw RolloutErrors.raise('ROLLOUT_KEY_CHANGE_REFUSED', { fingerprint, trusted, issuer: bundle.issuer });
      if (input.trustFingerprint !== fingerprint) throw RolloutErrors.raise('ROLLOUT_UNTRUSTED_KEY', { fingerprint, issuer: bundle.issuer });
    }
    // Files from before sequence numbers count as 0: accepted only until a numbered file was applied.
    const sequence = bundle.sequence ?? 0;
    if (sequence < lastSequence || (sequence === lastSequence && sequence > 0)) {
      throw RolloutErrors.raise('ROLLOUT_REPLAY', { sequence, lastSequence, createdAt: bundle.createdAt });
    }
    // Decrypt first: a wrong passphrase must leave the configuration untouched.
    const secretValues = bundle.secrets && input.secretsPassphrase !== undefined ? decryptSecrets(bundle.secrets, input.secretsPassphrase) : {};
    const patch = SettingsPatch.parse(withoutMachineLocal(bundle.settings));
    // The schema's defaults would turn a missing announcedPlans into []: keep the commune's own plans
    // unless the file really carries that field.
    const rawCalendar = bundle.settings.calendar as Record<string, unknown> | undefined;
    const carried = rawCalendar !== undefined && 'announcedPlans' in rawCalendar;
    if (patch.calendar && !carried) patch.calendar = { ...patch.calendar, announcedPlans: this.settings.get().calendar.announcedPlans };
    if (bundle.calendar) {
      const current = patch.calendar?.announcedPlans ?? this.settings.get().calendar.announcedPlans;
      patch.calendar = { ...patch.calendar, announcedPlans: mergePlans(current, bundle.calendar.plans) };
    }
    const trustedKeys = bundle.nextKey ? [bundle.nextKey.fingerprint] : [...new Set([...trusted, fingerprint])];
    this.settings.set({ ...patch, rollout: { trustedKeys, lastSequence: Math.max(sequence, lastSequence) } });
    const applied: SecretName[] = [];
    for (const [name, value] of Object.entries(secretValues)) {
      const known = SecretName.safeParse(name);
      if (!known.success) continue;
      this.secrets.set(known.data, value);
      applied.push(known.data);
    }
    const sections = Object.keys(patch).filter((k) => patch[k as keyof typeof patch] !== undefined);
    if (bundle.calendar) sections.push(...bundle.calendar.plans.map((p) => `calendar.plan.${p.year}`));
    return { fingerprint, sections, secrets: applied };
  }
}
