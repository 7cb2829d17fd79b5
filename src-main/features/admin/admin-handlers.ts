import type { HandlersOf } from '../../rpc/handlers.ts';
import { SecretName } from '../../contract/admin.ts';
import type { SecretStore } from '../../kernel/secret-store.ts';
import type { RolloutService } from './rollout/rollout-service.ts';
import { generateDistrictKey } from './rollout/config-bundle.ts';
import { buildDiagnostics, type DiagnosticsSources } from './diagnostics/diagnostics-service.ts';
import { readLogTail } from '../../platform/log-reader.ts';

export interface AdminDeps {
  secrets: SecretStore;
  rollout: RolloutService;
  diagnostics: DiagnosticsSources;
}

type AdminMethod = 'secrets.status' | 'secrets.set' | 'config.keygen' | 'config.export' | 'config.import' | 'diagnostics.export' | 'logs.tail';

export function adminHandlers(d: AdminDeps): HandlersOf<AdminMethod> {
  return {
    'secrets.status': () => {
      const set = new Set(d.secrets.names());
      return SecretName.options.map((name) => ({ name, set: set.has(name) }));
    },
    'secrets.set': ({ name, value }) => {
      d.secrets.set(name, value);
      return { name, set: value !== '' };
    },
    'config.keygen': ({ passphrase }) => generateDistrictKey(passphrase),
    'config.export': (input) => d.rollout.export(input),
    'config.import': (input) => d.rollout.import(input),
    'diagnostics.export': ({ logLines }) => buildDiagnostics(d.diagnostics, logLines),
    'logs.tail': ({ lines, level }) =>
      readLogTail(d.diagnostics.dataDir, lines, level).map((e) => ({ at: String(e.at ?? ''), level: String(e.level ?? ''), message: String(e.message ?? ''), ...e })),
  };
}
