import { SettingsPatch } from '../../../contract/settings.ts';
import { SecretName, type ConfigBundle } from '../../../contract/admin.ts';
import type { SettingsService } from '../../../kernel/settings-service.ts';
import type { SecretStore } from '../../../kernel/secret-store.ts';
import { decryptSecrets, encryptSecrets, signBundle, verifyBundle } from './config-bundle.ts';
import { RolloutErrors } from '../../../contract/admin.ts';

/** Settings that belong to one PC and never travel in a rollout file. */
const MACHINE_LOCAL: Record<string, string[]> = { agency: ['counterId'], rollout: ['trustedKeys'] };

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
 * import checks the signature and that the key is trusted here, then applies it.
 */
export class RolloutService {
  constructor(private readonly settings: SettingsService, private readonly secrets: SecretStore) {}

  export(input: { privateKeyPem: string; keyPassphrase: string; secretsPassphrase?: string; issuer: string }): ConfigBundle {
    const values = this.secrets.entries();
    return signBundle(
      {
        format: 'one-stop-counter/config',
        version: 1,
        createdAt: new Date().toISOString(),
        issuer: input.issuer,
        settings: withoutMachineLocal(this.settings.get() as unknown as Record<string, unknown>),
        secrets: input.secretsPassphrase && Object.keys(values).length ? encryptSecrets(values, input.secretsPassphrase) : undefined,
      },
      input.privateKeyPem,
      input.keyPassphrase,
    );
  }

  import(input: { bundle: unknown; secretsPassphrase?: string; trustFingerprint?: string }) {
    const bundle = verifyBundle(input.bundle);
    const fingerprint = bundle.signature.fingerprint;
    const trusted = this.settings.get().rollout.trustedKeys;
    if (!trusted.includes(fingerprint) && input.trustFingerprint !== fingerprint) {
      throw RolloutErrors.raise('ROLLOUT_UNTRUSTED_KEY', { fingerprint, issuer: bundle.issuer });
    }
    // Decrypt first: a wrong passphrase must leave the configuration untouched.
    const secretValues = bundle.secrets && input.secretsPassphrase !== undefined ? decryptSecrets(bundle.secrets, input.secretsPassphrase) : {};
    const patch = SettingsPatch.parse(withoutMachineLocal(bundle.settings));
    this.settings.set({ ...patch, rollout: { trustedKeys: [...new Set([...trusted, fingerprint])] } });
    const applied: SecretName[] = [];
    for (const [name, value] of Object.entries(secretValues)) {
      const known = SecretName.safeParse(name);
      if (!known.success) continue;
      this.secrets.set(known.data, value);
      applied.push(known.data);
    }
    return { fingerprint, sections: Object.keys(patch).filter((k) => patch[k as keyof typeof patch] !== undefined), secrets: applied };
  }
}
