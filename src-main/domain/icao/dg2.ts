import { CardErrors } from '../../contract/card.ts';

export interface FaceData {
  mime: 'image/jpeg' | 'image/jp2';
  image: Uint8Array;
}

const JP2_SIGNATURE = [0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20, 0x0d, 0x0a, 0x87, 0x0a];
const J2K_CODESTREAM = [0xff, 0x4f, 0xff, 0x51];

function indexOf(hay: Uint8Array, needle: number[], from = 0): number {
  outer: for (let i = from; i <= hay.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/**
 * Finds the face image inside DG2. The biometric header templates (7F61/7F60/5F2E with the ISO
 * 19794-5 record) vary between issuers, so the image is located by its signature inside the
 * biometric data block: JPEG (FFD8FF … FFD9) or JPEG 2000 (JP2 box or raw codestream).
 */
export function extractFace(dg2: Uint8Array): FaceData {
  if (dg2[0] !== 0x75) throw CardErrors.raise('DG_MALFORMED', { dg: 2, reason: 'tag' });
  const jp2 = indexOf(dg2, JP2_SIGNATURE);
  const j2k = indexOf(dg2, J2K_CODESTREAM);
  const jpeg = indexOf(dg2, [0xff, 0xd8, 0xff]);
  const candidates = [
    { at: jpeg, mime: 'image/jpeg' as const },
    { at: jp2, mime: 'image/jp2' as const },
    { at: j2k, mime: 'image/jp2' as const },
  ].filter((c) => c.at >= 0);
  candidates.sort((a, b) => a.at - b.at);
  const first = candidates[0];
  if (!first) throw CardErrors.raise('DG_MALFORMED', { dg: 2, reason: 'no image' });
  let end = dg2.length;
  if (first.mime === 'image/jpeg') {
    // The image runs to its last EOI marker; anything after it belongs to the container.
    for (let i = dg2.length - 2; i > first.at; i--) {
      if (dg2[i] === 0xff && dg2[i + 1] === 0xd9) {
        end = i + 2;
        break;
      }
    }
  }
  return { mime: first.mime, image: dg2.slice(first.at, end) };
}
