import { z } from 'zod';
import { method } from './method.ts';

export const ServerState = z.enum(['online', 'offline', 'unconfigured']);

export const CoreStatus = z.object({
  devices: z.object({ ready: z.number().int(), total: z.number().int() }),
  server: ServerState,
  trainingMode: z.boolean(),
  at: z.string(),
});
export type CoreStatus = z.infer<typeof CoreStatus>;

export const statusMethods = {
  'status.get': method({ summary: 'Device and server state for the status bar', input: z.object({}), output: CoreStatus }),
};
