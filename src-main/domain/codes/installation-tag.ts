/**
 * The per-installation part of a provisional code: 4 characters of Crockford's base 32 (no I, L, O,
 * U, so nothing reads as 1 or 0), about a million values, drawn once per installation. Two PCs left
 * at the same counter ID therefore still issue different codes.
 */
export const TAG_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const TAG_LENGTH = 4;
export const INSTALLATION_TAG = /^[0-9A-HJKMNP-TV-Z]{4}$/;

/** A tag from a source of uniform random integers in [0, n) (the store passes crypto's randomInt). */
export function installationTag(randomBelow: (n: number) => number): string {
  let tag = '';
  for (let i = 0; i < TAG_LENGTH; i++) tag += TAG_ALPHABET[randomBelow(TAG_ALPHABET.length)];
  return tag;
}
