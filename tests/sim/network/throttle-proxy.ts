import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A loopback TCP proxy that limits the client→server direction to a fixed bit rate with one shared
 * token bucket (the commune's uplink), so upload throughput can be measured against a known capacity.
 */
export async function startThrottleProxy(target: { host: string; port: number }, bitsPerSecond: number): Promise<{ port: number; bytes: () => number; close: () => Promise<void> }> {
  const bytesPerMs = bitsPerSecond / 8 / 1000;
  let nextFree = Date.now();
  let carried = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    sockets.add(client).add(upstream);
    const queue: Buffer[] = [];
    let pumping = false;
    const pump = () => {
      if (pumping) return;
      pumping = true;
      const step = () => {
        const chunk = queue.shift();
        if (!chunk) {
          pumping = false;
          if (client.isPaused()) client.resume();
          return;
        }
        // Serialise every connection through the same link: each chunk occupies it for size/rate ms.
        // A late timer may catch up by at most 20 ms (a link's buffer), so event-loop jitter does not
        // waste capacity, while the long-run rate stays exactly the configured one.
        const start = Math.max(Date.now() - 20, nextFree);
        nextFree = start + chunk.length / bytesPerMs;
        setTimeout(() => {
          carried += chunk.length;
          if (!upstream.destroyed) upstream.write(chunk);
          step();
        }, Math.max(0, nextFree - Date.now()));
      };
      step();
    };
    client.on('data', (b: Buffer) => {
      for (let i = 0; i < b.length; i += 16 * 1024) queue.push(b.subarray(i, i + 16 * 1024));
      if (queue.length > 64) client.pause();
      pump();
    });
    upstream.on('data', (b: Buffer) => client.write(b));
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as AddressInfo).port,
    bytes: () => carried,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
