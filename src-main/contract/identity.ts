import { z } from 'zod';

/** Where an identity came from; the chip is the most trusted (signed by the issuing state). */
export const IdentitySource = z.enum(['cccd-qr', 'vneid-qr', 'bhyt-qr', 'mrz-td1', 'chip', 'manual']);
export type IdentitySource = z.infer<typeof IdentitySource>;

export const IdentityWarning = z.object({ code: z.string(), message: z.string() });
export type IdentityWarning = z.infer<typeof IdentityWarning>;

/** Dates as YYYY-MM-DD, or YYYY-MM / YYYY where the card itself gives less. */
export const PartialDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/);

export const Insurance = z.object({
  cardNumber: z.string(),
  validFrom: PartialDate.optional(),
  validTo: PartialDate.optional(),
  facilityCode: z.string().optional(),
  /** The card's own check string (chuỗi kiểm tra): its algorithm is not public, so it is kept opaque. */
  checkString: z.string().optional(),
  /** Mã quản lý, mã khu vực (K1/K2/K3 from 5/6/7), and the date five continuous years are reached. */
  managerCode: z.string().optional(),
  livingArea: z.string().optional(),
  fiveYearsFrom: PartialDate.optional(),
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
  /** ISO 3166 alpha-3 as the MRZ or chip states it (VNM). */
  nationality: z.string().optional(),
  /** Fields after the known layout (e.g. the 2024 card's QR), kept raw because nothing public describes them. */
  extraFields: z.array(z.string()).optional(),
  warnings: z.array(IdentityWarning).default([]),
});
export type Identity = z.infer<typeof Identity>;
