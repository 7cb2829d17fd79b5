import { z } from 'zod';
import { method } from './method.ts';

export const ServerState = z.enum(['online', 'offline', 'unconfigured']);

export const CoreStatus = z.object({
  devices: z.object({ ready: z.number().int(), total: z.number().int() }),
  server: ServerState,
  trainingMode: z.boolean(),
  /** Free space of the data folder's disk: 'low' warns, 'full' means new work is refused. */
  disk: z.object({ level: z.enum(['ok', 'low', 'full']), freeBytes: z.number() }).optional(),
  at: z.string(),
  /** PC zone and clock against Vietnam time and the province server (status-bar warning when not ok). */
  clock: z.object({ pcUtcOffsetMinutes: z.number().int(), zoneOk: z.boolean(), skewSeconds: z.number().int().nullable(), ok: z.boolean() }),
});
export type CoreStatus = z.infer<typeof CoreStatus>;

export const statusMethods = {
  'status.get': method({ summary: 'Device and server state for the status bar', input: z.object({}), output: CoreStatus }),
};
