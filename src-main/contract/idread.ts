import { z } from 'zod';
import { method } from './method.ts';
import { Identity } from './identity.ts';
import { defineErrors } from './errors.ts';

/** How a reader reached us: serial CDC-ACM, HID-POS, a vendor reader's socket API, keyboard wedge, or typed. */
export const ReadDriver = z.enum(['serial', 'hid-pos', 'vendor-socket', 'wedge', 'manual', 'chip']);
export type ReadDriver = z.infer<typeof ReadDriver>;

export const ReadSource = z.object({
  deviceId: z.string(),
  driver: ReadDriver,
  simulated: z.boolean().default(false),
});
export type ReadSource = z.infer<typeof ReadSource>;

/** Pushed as the `identity.read` event whenever any reader produced an identity. */
export const IdentityRead = z.object({ identity: Identity, source: ReadSource, at: z.string() });
export type IdentityRead = z.infer<typeof IdentityRead>;

/** Pushed as `identity.readFailed`: a code and message only, never the scanned text. */
export const IdentityReadFailed = z.object({
  source: ReadSource,
  at: z.string(),
  error: z.object({ code: z.string(), message: z.string() }),
});
export type IdentityReadFailed = z.infer<typeof IdentityReadFailed>;

export const ParseHint = z.enum(['auto', 'cccd-qr', 'vneid-qr', 'bhyt-qr', 'mrz-td1']);

/** Line ending a serial QR reader appends to each code (configured on the reader by a setup barcode). */
export const QrSuffix = z.enum(['CR', 'LF', 'CRLF', 'TAB', 'none']);
export type QrSuffix = z.infer<typeof QrSuffix>;

export const SerialQrConfig = z.object({
  path: z.string().min(1),
  baudRate: z.number().int().positive().default(9600),
  suffix: QrSuffix.default('CR'),
  /** A code whose bytes stop for this long is finished (suffix none) or broken (suffix missing). */
  frameTimeoutMs: z.number().int().min(5).max(5000).default(150),
});
export type SerialQrConfig = z.infer<typeof SerialQrConfig>;

export const IdentityReaderSettings = z.object({
  serial: z.array(SerialQrConfig).default([]),
  /** HID-POS scanners by USB ids (hex strings as printed by the OS, e.g. "0c2e"). */
  hidPos: z.array(z.object({ vendorId: z.string(), productId: z.string() })).default([]),
  /** Vendor all-in-one chip readers publishing results over Socket.IO, e.g. http://192.168.5.1:8000 */
  vendorSocketUrls: z.array(z.string()).default([]),
});
export type IdentityReaderSettings = z.infer<typeof IdentityReaderSettings>;

export const ReaderState = z.object({
  id: z.string(),
  driver: ReadDriver,
  address: z.string(),
  status: z.enum(['ready', 'offline', 'error']),
  simulated: z.boolean(),
  /** Error code of the last failure (no personal data). */
  lastError: z.string().optional(),
});
export type ReaderState = z.infer<typeof ReaderState>;

export const identityMethods = {
  'identity.parse': method({
    summary: 'Parse a CCCD/VNeID/BHYT QR or a TD1 MRZ into the normalised identity',
    input: z.object({ text: z.string().max(8000), hint: ParseHint.default('auto') }),
    output: Identity,
  }),
  'identity.submit': method({
    summary: 'Hand in text a keyboard-wedge scanner typed; parsed and announced as identity.read',
    input: z.object({ text: z.string().max(8000), source: ReadSource.default({ deviceId: 'wedge', driver: 'wedge', simulated: false }) }),
    output: IdentityRead,
  }),
  'identity.trainingScan': method({
    summary: 'Training mode: the simulated reader scans a synthetic sample',
    input: z.object({ sample: z.enum(['cccd', 'bhyt', 'mrz', 'vneid']) }),
    output: z.object({}),
  }),
  'identity.readers': method({ summary: 'QR and vendor ID readers and their state', input: z.object({}), output: z.array(ReaderState) }),
};

export const IdentityServiceErrors = defineErrors({
  QR_FRAME_BROKEN: {
    vi: 'Mã quét bị đứt giữa chừng (máy quét bị rút ra hoặc cài sai ký tự kết thúc). Hãy quét lại.',
    en: 'The scanned code was cut off (reader unplugged, or wrong suffix setting). Scan again.',
  },
  VENDOR_READ_FAILED: { vi: 'Đầu đọc không đọc được thẻ. Hãy đặt lại thẻ.', en: 'The reader could not read the card. Place it again.' },
  IDENTITY_NOT_TRAINING: { vi: 'Chỉ dùng được trong chế độ đào tạo.', en: 'Only available in training mode.' },
});
