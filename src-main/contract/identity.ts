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
  /** Parent's name on a child's card (field 10, hex-decoded). */
  parentName: z.string().optional(),
  /** Mã hưởng / benefit level 1–5 (field 14 of the 15- and 16-field layouts). */
  benefitLevel: z.string().optional(),
  /** Nơi cấp, đổi thẻ (field 15 of the 16-field layout, hex-decoded). */
  placeOfIssue: z.string().optional(),
  /** How many fields the QR had before its "$" (9, 13, 14, 15 or 16): which card generation it is. */
  qrFields: z.number().int().optional(),
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
