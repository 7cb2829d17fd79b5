/** How the key signs: RSA PKCS#1 v1.5 is what every token and reader supports; PSS and ECDSA as the key allows. */
export type SignatureScheme = 'rsa-pkcs1' | 'rsa-pss' | 'ecdsa';

/**
 * A private key that can sign, wherever it lives (token, .p12 file). `sign` hashes with SHA-256
 * itself or lets the token do it, and returns the signature in the form CMS carries it.
 */
export interface SigningKey {
  /** DER of the signer's certificate. */
  readonly certificate: Uint8Array;
  /** DER of further certificates to embed (intermediates, root), signer excluded. */
  readonly chain: Uint8Array[];
  readonly scheme: SignatureScheme;
  sign(data: Uint8Array): Promise<Uint8Array>;
}
