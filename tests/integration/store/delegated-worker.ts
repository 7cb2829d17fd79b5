// One counter PC with its own database for the delegated-numbering test: presents its counter identity
// to the reference server over HTTP (which grants its block of official numbers), then accepts
// dossiers, printing "ACK <code>" after each accept returned, or "REFUSED <code>" when refused.
import { Settings } from '../../../src-main/contract/settings.ts';
import { CounterError } from '../../../src-main/contract/errors.ts';
import { CounterIdentityService } from '../../../src-main/features/queue/counter-identity-service.ts';
import { openStore } from '../../../src-main/store/store.ts';
import { draft } from '../../unit/store/helpers.ts';

const [dataDir, counterId, countText, apiUrl, host] = process.argv.slice(2);
const settings = Settings.parse({ agency: { code: '000.00.31.H42', counterId }, server: { url: apiUrl, clientId: 'counter-demo' } });
const store = openStore({ dataDir: dataDir!, hostName: host, agency: () => ({ code: settings.agency.code, counterId: settings.agency.counterId, delegatedNumbering: true }) });
const identity = new CounterIdentityService({ store, settings: () => settings, clientSecret: () => 'demo-secret' });
store.dossiers.guardAccept(() => identity.guard());
await identity.register();
process.stdout.write('READY\n');
for (let i = 0; i < Number(countText); i++) {
  try {
    const d = store.dossiers.accept({ ...draft(), summary: `hồ sơ ${i}` });
    process.stdout.write(`ACK ${d.officialCode ?? d.provisionalCode}\n`);
  } catch (err) {
    if (!(err instanceof CounterError)) throw err;
    process.stdout.write(`REFUSED ${err.code}\n`);
  }
}
store.close();
