import { z } from 'zod';
import { method } from './method.ts';
import { defineErrors } from './errors.ts';
import { Identity } from './identity.ts';

/** Errors of the chip ID card stack; every one a counter officer can meet has a Vietnamese text. */
export const CardErrors = defineErrors({
  DER_MALFORMED: { vi: 'Dữ liệu trên chip bị hỏng (cấu trúc DER không hợp lệ).', en: 'Chip data is malformed (invalid DER).' },
  DG_MALFORMED: { vi: 'Nhóm dữ liệu trên chip không đúng định dạng.', en: 'A data group on the chip has an unexpected format.' },
  NO_READER: { vi: 'Không tìm thấy đầu đọc thẻ chip. Hãy cắm đầu đọc và thử lại.', en: 'No chip card reader found. Plug one in and retry.' },
  NO_CARD: { vi: 'Chưa có thẻ trên đầu đọc. Hãy đặt thẻ CCCD lên đầu đọc.', en: 'No card on the reader. Place the ID card on it.' },
  CARD_REMOVED: { vi: 'Thẻ đã bị nhấc ra khi đang đọc. Hãy đặt lại thẻ và giữ yên cho đến khi đọc xong.', en: 'The card was removed during the read. Put it back and hold it still until done.' },
  NOT_EMRTD: { vi: 'Thẻ này không phải thẻ CCCD gắn chip (không có ứng dụng ICAO).', en: 'This card is not a chip ID card (no ICAO eMRTD application).' },
  ACCESS_KEY_MISSING: { vi: 'Cần nhập số định danh (12 số) hoặc thông tin MRZ để mở chip.', en: 'Enter the 12-digit ID number or the MRZ data to open the chip.' },
  ACCESS_DENIED: { vi: 'Không mở được chip: số CAN hoặc thông tin MRZ không khớp với thẻ.', en: 'Could not open the chip: the CAN or MRZ data does not match the card.' },
  PACE_FAILED: { vi: 'Xác thực PACE với chip thất bại.', en: 'PACE authentication with the chip failed.' },
  PACE_UNSUPPORTED: { vi: 'Chip dùng kiểu PACE chưa được hỗ trợ.', en: 'The chip uses an unsupported PACE variant.' },
  SM_MAC_INVALID: { vi: 'Mã xác thực (MAC) từ chip không đúng: dữ liệu có thể bị can thiệp hoặc lỗi truyền.', en: 'Secure messaging MAC from the chip is wrong (tampering or transmission error).' },
  SM_MALFORMED: { vi: 'Phản hồi bảo mật từ chip không đúng định dạng.', en: 'Malformed secure messaging response from the chip.' },
  CARD_STATUS: { vi: 'Chip trả về lỗi khi đọc.', en: 'The chip returned an error status.' },
  FILE_NOT_FOUND: { vi: 'Không có tệp dữ liệu này trên chip.', en: 'This file is not on the chip.' },
  READER_ERROR: { vi: 'Lỗi đầu đọc thẻ. Hãy rút ra cắm lại đầu đọc rồi thử lại.', en: 'Card reader error. Replug the reader and retry.' },
  SOD_MALFORMED: { vi: 'Dữ liệu chữ ký (SOD) trên chip không đúng định dạng.', en: 'The security object (SOD) on the chip is malformed.' },
  READ_BUSY: { vi: 'Đầu đọc đang đọc một thẻ khác.', en: 'The reader is busy with another read.' },
});
export type CardErrorCode = keyof typeof CardErrors.table;

/** How the chip was opened: PACE with the CAN (preferred) or BAC with the MRZ (fallback). */
export const ChipAccess = z.enum(['pace', 'bac']);

/** Passive authentication: data group hashes, SOD signature and the chain to a trusted CSCA. */
export const Authenticity = z.object({
  result: z.enum(['valid', 'invalid', 'unknown-issuer']),
  /** Per data group read: does its hash match the SOD? */
  dataGroups: z.array(z.object({ dg: z.number().int(), hashOk: z.boolean() })),
  signatureOk: z.boolean(),
  /** True when a configured CSCA issued the signer certificate. */
  chainOk: z.boolean(),
  signer: z.string().optional(),
  reasons: z.array(z.string()).default([]),
});
export type Authenticity = z.infer<typeof Authenticity>;

export const FaceImage = z.object({ mime: z.enum(['image/jpeg', 'image/jp2']), base64: z.string() });

export const CardReadResult = z.object({
  identity: Identity,
  /** The face (DG2) as the chip stores it; JPEG shows directly in the UI. */
  face: FaceImage.optional(),
  authenticity: Authenticity,
  access: ChipAccess,
  readerId: z.string(),
  dataGroups: z.array(z.number().int()),
  durationMs: z.number(),
});
export type CardReadResult = z.infer<typeof CardReadResult>;

export const MrzKey = z.object({
  documentNumber: z.string().min(1).max(9),
  /** YYMMDD */
  dateOfBirth: z.string().regex(/^\d{6}$/),
  /** YYMMDD */
  dateOfExpiry: z.string().regex(/^\d{6}$/),
});
export type MrzKey = z.infer<typeof MrzKey>;

export const CardReadInput = z.object({
  readerId: z.string().optional(),
  /** The 6-digit CAN, or the 12-digit ID (its last 6 digits are the CAN). */
  can: z.string().regex(/^(\d{6}|\d{12})$/).optional(),
  mrz: MrzKey.optional(),
  timeoutMs: z.number().int().positive().max(120_000).default(20_000),
});

export const CardReader = z.object({ id: z.string(), name: z.string(), cardPresent: z.boolean() });

export const cardMethods = {
  'card.read': method({
    summary: 'Read the chip ID card on a reader (PACE-CAN, else BAC-MRZ), with passive authentication',
    input: CardReadInput,
    output: CardReadResult,
  }),
  'card.readers': method({ summary: 'PC/SC readers and whether a card is on them', input: z.object({}), output: z.array(CardReader) }),
};

export const cardEvents = {
  /** A card was placed on a reader (no personal data). */
  'card.tapped': z.object({ readerId: z.string() }),
  /** A read finished; carries the same result as `card.read`. */
  'card.read': CardReadResult,
};
