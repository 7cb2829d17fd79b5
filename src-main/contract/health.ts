import { z } from 'zod';
import { method } from './method.ts';
import { Identity, PartialDate } from './identity.ts';
import { ReadSource } from './idread.ts';
import { defineErrors } from './errors.ts';

export const HealthSettings = z.object({
  /** The BHYT card-check service (tra cứu thẻ). Empty: check-ins stay "pending" until one is set. */
  cardCheckUrl: z.string().default(''),
  cardCheckTimeoutMs: z.number().int().min(200).max(60_000).default(5000),
  /** How often pending checks are retried while the app runs (offline path). */
  recheckEveryMs: z.number().int().min(1000).default(60_000),
});
export type HealthSettings = z.infer<typeof HealthSettings>;

export const CardStatus = z.enum(['valid', 'invalid', 'pending', 'not-applicable']);
export type CardStatus = z.infer<typeof CardStatus>;

export const CardCheck = z.object({
  status: CardStatus,
  /** The service's own result code (maKetQua), e.g. "000". */
  resultCode: z.string().optional(),
  message: z.string().optional(),
  validFrom: PartialDate.optional(),
  validTo: PartialDate.optional(),
  facilityCode: z.string().optional(),
  checkedAt: z.string().optional(),
  attempts: z.number().int().default(0),
});
export type CardCheck = z.infer<typeof CardCheck>;

export const CheckIn = z.object({
  id: z.number().int(),
  /** Local day YYYY-MM-DD the queue number belongs to. */
  day: z.string(),
  queueNumber: z.number().int().positive(),
  at: z.string(),
  source: ReadSource,
  identity: Identity,
  /** The number the card check used: BHYT card number, or the 12-digit ID. */
  lookupNumber: z.string().optional(),
  card: CardCheck,
});
export type CheckIn = z.infer<typeof CheckIn>;

export const healthMethods = {
  'health.checkIn': method({
    summary: 'Check a patient in from a read identity or scanned text; gives a queue number and checks the BHYT card',
    input: z.object({
      identity: Identity.optional(),
      text: z.string().max(8000).optional(),
      source: ReadSource.default({ deviceId: 'manual', driver: 'manual', simulated: false }),
    }),
    output: CheckIn,
  }),
  'health.today': method({
    summary: "The day's check-ins, newest first",
    input: z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() }),
    output: z.array(CheckIn),
  }),
  'health.recheck': method({
    summary: 'Retry the card check of every pending check-in (after the network returns)',
    input: z.object({}),
    output: z.object({ checked: z.number().int(), stillPending: z.number().int() }),
  }),
};

export const CardCheckErrors = defineErrors({
  CARD_CHECK_NOT_CONFIGURED: {
    vi: 'Chưa cấu hình dịch vụ tra cứu thẻ BHYT; lượt tiếp đón được lưu và sẽ tra cứu sau.',
    en: 'No BHYT card-check service is configured; the check-in is kept and checked later.',
  },
  CARD_CHECK_UNREACHABLE: {
    vi: 'Không kết nối được dịch vụ tra cứu thẻ BHYT; sẽ tra cứu lại khi có mạng.',
    en: 'The BHYT card-check service is unreachable; it will be retried when the network is back.',
  },
  CARD_CHECK_BAD_RESPONSE: { vi: 'Dịch vụ tra cứu thẻ BHYT trả lời không hợp lệ.', en: 'The BHYT card-check service gave an invalid answer.' },
});

export const HealthErrors = defineErrors({
  HEALTH_NOTHING_TO_CHECK_IN: {
    vi: 'Chưa có thông tin người bệnh: hãy quét thẻ hoặc mã QR.',
    en: 'No patient data: scan a card or QR code.',
  },
});
