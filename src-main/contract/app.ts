import { z } from 'zod';
import { method } from './method.ts';

export const HostKind = z.enum(['electron', 'web', 'cli']);
export type HostKind = z.infer<typeof HostKind>;

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  host: HostKind,
  trainingMode: z.boolean(),
  platform: z.string(),
  nodeVersion: z.string(),
  electronVersion: z.string().optional(),
  dataDir: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const appMethods = {
  'app.info': method({ summary: 'Version, host and mode of the running core', input: z.object({}), output: AppInfo }),
};
