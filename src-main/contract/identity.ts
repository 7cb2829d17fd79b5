import { z } from 'zod';

/** Where an identity came from; the chip is the most trusted (signed by the issuing state). */
export const IdentitySource = z.enum(['cccd-qr', 'vneid-qr', 'bhyt-qr', 'mrz-td1', 'chip', 'manual']);
export type IdentitySource = z.infer<typeof IdentitySource>;

export const IdentityWarning = z.object({ code: z.string(), message: z.string() });

/** Dates as YYYY-MM-DD, or YYYY-MM / YYYY where the card itself gives less. */
export const PartialDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/);

export const Insurance = z.object({
  cardNumber: z.string(),
  validFrom: PartialDate.optional(),
  validTo: PartialDate.optional(),
  facilityCode: z.string().optional(),
});

/** One normalised identity for every source (`counter id parse … --json` prints exactly this). */
export const Identity = z.object({
  kind: IdentitySource,
  idNumber: z.string().optional(),
  oldIdNumber: z.string().optional(),
  fullName: z.string().optional(),
  dateOfBirth: PartialDate.optional(),
  sex: z.enum(['M', 'F']).optional(),
  address: z.string().optional(),
  issueDate: PartialDate.optional(),
  expiryDate: PartialDate.optional(),
  documentNumber: z.string().optional(),
  insurance: Insurance.optional(),
  warnings: z.array(IdentityWarning).default([]),
});
export type Identity = z.infer<typeof Identity>;
