import type { X509Certificate } from 'node:crypto';
import { CardErrors, type CardReadResult } from '../../contract/card.ts';
import { chipIdentity } from '../../domain/icao/chip-identity.ts';
import { parseDg1 } from '../../domain/icao/dg1.ts';
import { parseDg13 } from '../../domain/icao/dg13.ts';
import { extractFace } from '../../domain/icao/dg2.ts';
import { parseEfCom } from '../../domain/icao/ef-com.ts';
import type { BacRandom } from './icao/bac.ts';
import type { AccessKeys } from './icao/chip-session.ts';
import { FID } from './icao/lds-files.ts';
import { passiveAuthentication } from './icao/passive-auth.ts';
import type { PaceRandom } from './icao/pace.ts';
import { ReadSession, type ApduLength } from './icao/read-session.ts';
import type { ApduTransport } from './transport/apdu-transport.ts';

/** The data groups a counter reads: identity, face, VN data, chip/active authentication keys. */
export const WANTED_DGS = [1, 2, 13, 14, 15];

export interface ChipReadOptions {
  readerId: string;
  cscas: X509Certificate[];
  random?: { pace?: PaceRandom; bac?: BacRandom };
  /** Skip DG2 (the face) when only the text is needed. */
  skipFace?: boolean;
  /** Start with short APDUs (the caller remembered this reader refuses extended length). */
  apduLength?: ApduLength;
}

export interface ChipRead {
  result: CardReadResult;
  /** Raw files, for audit export or the vendor-reader comparison; never logged. */
  files: Map<number, Uint8Array>;
  sod: Uint8Array;
  /** The APDU length the read ended with; `short` after a fallback, worth remembering per reader. */
  apduLength: ApduLength;
}

/**
 * Reads a whole card: open (PACE/BAC), EF.COM, the wanted DGs it lists, EF.SOD, then passive
 * authentication. Any failure throws a coded error; nothing partial is returned.
 */
export async function readChip(t: ApduTransport, keys: AccessKeys, o: ChipReadOptions): Promise<ChipRead> {
  const started = performance.now();
  const session = await ReadSession.open(t, keys, o.random, o.apduLength);
  const com = parseEfCom(await session.readFile(FID.COM));
  const files = new Map<number, Uint8Array>();
  for (const dg of WANTED_DGS) {
    if (!com.dataGroups.includes(dg) || (dg === 2 && o.skipFace)) continue;
    try {
      files.set(dg, await session.readFile(FID.dg(dg)));
    } catch (err) {
      // EF.COM may list a DG the chip protects with EAC (DG3/4) or lacks; the rest still counts.
      if (!CardErrors.is(err, 'FILE_NOT_FOUND') && !CardErrors.is(err, 'ACCESS_DENIED')) throw err;
    }
  }
  const sod = await session.readFile(FID.SOD);
  const authenticity = passiveAuthentication(sod, files, o.cscas);
  const dg1 = files.has(1) ? parseDg1(files.get(1) as Uint8Array) : undefined;
  const dg13 = files.has(13) ? parseDg13(files.get(13) as Uint8Array) : undefined;
  const identity = chipIdentity(dg1, dg13);
  if (authenticity.result !== 'valid') {
    identity.warnings.push(
      authenticity.result === 'invalid'
        ? { code: 'CHIP_PA_INVALID', message: 'Dữ liệu chip KHÔNG xác thực được (chữ ký/băm không khớp): có thể là thẻ giả hoặc bị sửa' }
        : { code: 'CHIP_PA_UNKNOWN_ISSUER', message: 'Chữ ký chip hợp lệ nhưng chưa có chứng thư CSCA để đối chiếu nơi cấp' },
    );
  }
  let face: CardReadResult['face'];
  if (files.has(2)) {
    try {
      const f = extractFace(files.get(2) as Uint8Array);
      face = { mime: f.mime, base64: Buffer.from(f.image).toString('base64') };
    } catch {
      identity.warnings.push({ code: 'CHIP_FACE_UNREADABLE', message: 'Không đọc được ảnh chân dung trên chip' });
    }
  }
  return {
    result: {
      identity,
      face,
      authenticity,
      access: session.access,
      readerId: o.readerId,
      dataGroups: [...files.keys()],
      durationMs: Math.round(performance.now() - started),
    },
    files,
    sod,
    apduLength: session.apduLength,
  };
}
