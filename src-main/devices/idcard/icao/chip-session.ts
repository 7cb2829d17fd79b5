import { CardErrors } from '../../../contract/card.ts';
import { parseCardAccess, type PaceInfo } from '../../../domain/icao/card-access.ts';
import { canFromId } from '../../../domain/icao/mrz-key.ts';
import type { ApduTransport } from '../transport/apdu-transport.ts';
import { bacKeys, performBac, type BacRandom } from './bac.ts';
import { FID, Channel } from './lds-files.ts';
import { paceSuite, performPace, VN_DEFAULT_PACE, type PaceRandom } from './pace.ts';

export interface AccessKeys {
  can?: string;
  mrz?: { documentNumber: string; dateOfBirth: string; dateOfExpiry: string };
}

export interface OpenedChip {
  channel: Channel;
  access: 'pace' | 'bac';
  paceInfo?: PaceInfo;
}

/** EF.CardAccess sits in the master file and is readable without access control. */
async function readCardAccess(t: ApduTransport): Promise<PaceInfo | undefined> {
  try {
    const plain = new Channel(t);
    const infos = parseCardAccess(await plain.readFile(FID.CARD_ACCESS));
    return infos.find((i) => {
      try {
        paceSuite(i);
        return true;
      } catch {
        return false;
      }
    }) ?? infos[0];
  } catch (err) {
    if (CardErrors.is(err, 'CARD_REMOVED') || CardErrors.is(err, 'READER_ERROR')) throw err;
    return undefined;
  }
}

/**
 * Opens the chip: PACE with the CAN when the card offers PACE (per EF.CardAccess), else — or when
 * PACE fails and MRZ data is at hand — BAC. Then selects the eMRTD application.
 */
export async function openChip(t: ApduTransport, keys: AccessKeys, random?: { pace?: PaceRandom; bac?: BacRandom }): Promise<OpenedChip> {
  if (!keys.can && !keys.mrz) throw CardErrors.raise('ACCESS_KEY_MISSING');
  const paceInfo = keys.can ? await readCardAccess(t) : undefined;
  let paceError: unknown;
  if (keys.can && paceInfo) {
    try {
      const sm = await performPace(t, canFromId(keys.can), paceInfo, random?.pace);
      const channel = new Channel(t, sm);
      await channel.selectApplication();
      return { channel, access: 'pace', paceInfo };
    } catch (err) {
      if (!keys.mrz || CardErrors.is(err, 'CARD_REMOVED') || CardErrors.is(err, 'READER_ERROR')) throw err;
      paceError = err;
    }
  }
  if (!keys.mrz) {
    // No EF.CardAccess but a CAN: VN apps assume AES-128 on brainpoolP256r1 (notes §2.2).
    const sm = await performPace(t, canFromId(keys.can as string), VN_DEFAULT_PACE, random?.pace);
    const channel = new Channel(t, sm);
    await channel.selectApplication();
    return { channel, access: 'pace', paceInfo: VN_DEFAULT_PACE };
  }
  const channel = new Channel(t);
  await channel.selectApplication();
  try {
    channel.sm = await performBac(t, bacKeys(keys.mrz.documentNumber, keys.mrz.dateOfBirth, keys.mrz.dateOfExpiry), random?.bac);
  } catch (err) {
    throw paceError && CardErrors.is(err, 'ACCESS_DENIED') ? paceError : err;
  }
  return { channel, access: 'bac' };
}

/**
 * Opens the chip again the way it was opened before (same protocol and PACE parameters, no
 * EF.CardAccess round trip): after a failed protected command the chip has usually ended secure
 * messaging (ICAO 9303-11 §9.8) and the two send sequence counters may disagree, so only a fresh
 * PACE/BAC gives a session both sides agree on.
 */
export async function reopenChip(t: ApduTransport, keys: AccessKeys, previous: OpenedChip, random?: { pace?: PaceRandom; bac?: BacRandom }): Promise<OpenedChip> {
  if (previous.access === 'pace') {
    const info = previous.paceInfo ?? VN_DEFAULT_PACE;
    const sm = await performPace(t, canFromId(keys.can as string), info, random?.pace);
    const channel = new Channel(t, sm);
    await channel.selectApplication();
    return { channel, access: 'pace', paceInfo: info };
  }
  const mrz = keys.mrz as NonNullable<AccessKeys['mrz']>;
  const channel = new Channel(t);
  await channel.selectApplication();
  channel.sm = await performBac(t, bacKeys(mrz.documentNumber, mrz.dateOfBirth, mrz.dateOfExpiry), random?.bac);
  return { channel, access: 'bac' };
}
