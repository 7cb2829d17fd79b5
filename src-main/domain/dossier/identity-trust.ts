import type { IdentitySource } from '../../contract/identity.ts';

/**
 * How far an identity can be trusted, from where it came: the chip is signed by the issuing state
 * (but only a read whose passive authentication was valid proves it); a printed QR or MRZ can be
 * forged but not mistyped; hand entry is only as good as the officer's eyes.
 */
export type IdentityTrust = 'verified' | 'machine-read' | 'manual';

export function trustOf(source: IdentitySource, passiveAuthenticationValid = false): IdentityTrust {
  switch (source) {
    case 'chip':
      return passiveAuthenticationValid ? 'verified' : 'machine-read';
    case 'cccd-qr':
    case 'vneid-qr':
    case 'bhyt-qr':
    case 'mrz-td1':
      return 'machine-read';
    case 'manual':
      return 'manual';
  }
}

const RANK: Record<IdentityTrust, number> = { manual: 0, 'machine-read': 1, verified: 2 };

/** The stronger of two trusts (a person read by chip and by QR is as trusted as the chip read). */
export function strongerTrust(a: IdentityTrust, b: IdentityTrust): IdentityTrust {
  return RANK[a] >= RANK[b] ? a : b;
}
