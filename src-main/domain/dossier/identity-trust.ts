import type { IdentitySource } from '../../contract/identity.ts';

/**
 * How far an identity can be trusted, from where it came: the chip is signed by the issuing state;
 * a printed QR or MRZ can be forged but not mistyped; hand entry is only as good as the officer's eyes.
 */
export type IdentityTrust = 'verified' | 'machine-read' | 'manual';

export function trustOf(source: IdentitySource): IdentityTrust {
  switch (source) {
    case 'chip':
      return 'verified';
    case 'cccd-qr':
    case 'vneid-qr':
    case 'bhyt-qr':
    case 'mrz-td1':
      return 'machine-read';
    case 'manual':
      return 'manual';
  }
}
