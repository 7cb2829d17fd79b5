import { resolve } from 'node:path';
import { DEFAULT_CLIENTS, startReferenceServer } from './server.ts';

/**
 * `npm run server [-- --port 8790 --data .tmp/onestop-server]`: the reference one-stop server for
 * demos and training. Client credentials: counter-demo / demo-secret (or ONESTOP_CLIENTS as JSON).
 * Faults on command: curl -X POST localhost:8790/__faults -d '{"rules":[{"kind":"unavailable503","probability":0.3}]}'
 */
function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? (process.argv[i + 1] as string) : fallback;
}

const clients = process.env.ONESTOP_CLIENTS ? (JSON.parse(process.env.ONESTOP_CLIENTS) as Record<string, string>) : DEFAULT_CLIENTS;
const server = await startReferenceServer({
  dataDir: resolve(arg('data', '.tmp/onestop-server')),
  port: Number(arg('port', '8790')),
  host: arg('host', '127.0.0.1'),
  clients,
  log: (line) => console.log(line),
});
console.log(`Máy chủ một cửa mẫu / reference one-stop server: ${server.apiUrl}`);
console.log(`clients: ${Object.keys(clients).join(', ')}`);
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
