import { constants, type KeyObject, sign as cryptoSign } from 'node:crypto';
import type { SignatureScheme, SigningKey } from './signing-key.ts';

/** A key held in memory (from a .p12 file); signs with Node's crypto. */
export function softwareKey(privateKey: KeyObject, certificate: Uint8Array, chain: Uint8Array[], rsaScheme: 'rsa-pkcs1' | 'rsa-pss' = 'rsa-pkcs1'): SigningKey {
  const scheme: SignatureScheme = privateKey.asymmetricKeyType === 'ec' ? 'ecdsa' : rsaScheme;
  return {
    certificate,
    chain,
    scheme,
    async sign(data) {
      if (scheme === 'ecdsa') return new Uint8Array(cryptoSign('sha256', data, { key: privateKey, dsaEncoding: 'der' }));
      const padding = scheme === 'rsa-pss' ? constants.RSA_PKCS1_PSS_PADDING : constants.RSA_PKCS1_PADDING;
      return new Uint8Array(cryptoSign('sha256', data, { key: privateKey, padding, saltLength: 32 }));
    },
  };
}
