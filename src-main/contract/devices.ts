import { z } from 'zod';
import { method } from './method.ts';

/** 'ocr' is the text recogniser in use (native Tesseract or tesseract.js), listed with the devices. */
export const DeviceKind = z.enum(['scanner', 'idcard', 'qr', 'printer', 'ocr']);
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
  /** For 'ocr': pages per minute measured on this PC's own pages since start-up. */
  pagesPerMin: z.number().nonnegative().optional(),
});
export type Device = z.infer<typeof Device>;

export const devicesMethods = {
  'devices.list': method({
    summary: 'Discover the devices every driver can see',
    input: z.object({ kind: DeviceKind.optional(), refresh: z.boolean().default(false) }),
    output: z.array(Device),
  }),
};
