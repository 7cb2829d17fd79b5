import { z } from 'zod';
import { method } from './method.ts';

export const DeviceKind = z.enum(['scanner', 'idcard', 'qr', 'printer']);
export type DeviceKind = z.infer<typeof DeviceKind>;

export const DeviceStatus = z.enum(['ready', 'busy', 'offline', 'error']);

export const Device = z.object({
  id: z.string(),
  kind: DeviceKind,
  driver: z.string(),
  name: z.string(),
  status: DeviceStatus,
  /** Where it is reached: a port (COM3, /dev/ttyACM0), a URL, a queue name. */
  address: z.string().optional(),
  simulated: z.boolean().default(false),
  detail: z.string().optional(),
});
export type Device = z.infer<typeof Device>;

export const devicesMethods = {
  'devices.list': method({
    summary: 'Discover the devices every driver can see',
    input: z.object({ kind: DeviceKind.optional(), refresh: z.boolean().default(false) }),
    output: z.array(Device),
  }),
};
