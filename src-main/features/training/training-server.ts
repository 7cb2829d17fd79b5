import { join } from 'node:path';
import { DEFAULT_CLIENTS, startReferenceServer, type ReferenceServer } from '../../reference-server/server.ts';

export const TRAINING_CLIENT_ID = 'counter-demo';
export const TRAINING_CLIENT_SECRET = DEFAULT_CLIENTS[TRAINING_CLIENT_ID];

/**
 * The province's one-stop server for training: the reference server on 127.0.0.1 with its own
 * SQLite under the training data folder. "Network down" stops it listening (connections refused,
 * as when a commune's link drops); "back up" starts it again on the same port with the same data.
 */
export class TrainingServer {
  private server?: ReferenceServer;
  private port = 0;
  private switching: Promise<void> = Promise.resolve();

  constructor(private readonly o: { dataDir: string; preferredPort?: number; log?: (line: string) => void }) {}

  get online(): boolean {
    return this.server !== undefined;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/onestop/v1`;
  }

  /** Starts listening; reuses the last port (kept in the settings) when it is still free. */
  async start(): Promise<void> {
    const dataDir = join(this.o.dataDir, 'training-server');
    const listen = (port: number) => startReferenceServer({ dataDir, port, host: '127.0.0.1', log: this.o.log });
    const wanted = this.port || this.o.preferredPort || 0;
    this.server = await listen(wanted).catch((err: unknown) => {
      if (wanted === 0 || this.port) throw err;
      return listen(0);
    });
    this.port = Number(new URL(this.server.url).port);
  }

  /** Serialized, so quick on/off clicks cannot leave two servers or none. */
  setOnline(online: boolean): Promise<void> {
    this.switching = this.switching.then(async () => {
      if (online && !this.server) await this.start();
      if (!online && this.server) await this.stop();
    });
    return this.switching;
  }

  private async stop(): Promise<void> {
    const s = this.server;
    this.server = undefined;
    await s?.close();
  }

  async close(): Promise<void> {
    await this.switching.catch(() => undefined);
    await this.stop();
  }
}
