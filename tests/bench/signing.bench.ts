import { loadPkcs12 } from '../../src-main/features/signing/keys/pkcs12-key.ts';
import { withTokenKey } from '../../src-main/features/signing/keys/pkcs11-key.ts';
import type { SigningKey } from '../../src-main/features/signing/keys/signing-key.ts';
import { signPdf, type SignPdfOptions } from '../../src-main/features/signing/pdf-signer.ts';
import { samplePdf } from '../sim/pki/sample-pdf.ts';
import { createSoftHsm, initToken, SOFTHSM_MODULE } from '../sim/pki/softhsm.ts';
import { createTestPki } from '../sim/pki/test-pki.ts';
import type { BenchRow } from './row.ts';

const RUNS = 7;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function measure(key: SigningKey, pdf: Uint8Array, o: SignPdfOptions) {
  await signPdf(pdf, key, o); // warm-up: font parse, JIT
  const own: number[] = [];
  const token: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const r = await signPdf(pdf, key, o);
    own.push(r.timing.totalMs - r.timing.tokenMs - r.timing.tsaMs);
    token.push(r.timing.tokenMs);
  }
  return { own: median(own), token: median(token) };
}

/** Time to sign a 10-page component through SoftHSM2, the token's own time reported apart. */
export async function bench(): Promise<BenchRow[]> {
  const pki = createTestPki();
  const hsm = createSoftHsm();
  initToken(hsm, 'Bench', '123456', [{ party: pki.officer, id: '01' }]);
  const pdf = await samplePdf(10);
  const p12 = await loadPkcs12(pki.officer.p12Path, pki.officer.p12Password);
  const base = await measure(p12, pdf, {});
  return withTokenKey([SOFTHSM_MODULE], { tokenLabel: 'Bench', certId: '01', pin: '123456' }, async (key) => {
    const invisible = await measure(key, pdf, {});
    const stamped = await measure(key, pdf, { stamp: { unit: 'UBND xã Tân Lập' } });
    const row = (name: string, value: number, target?: string): BenchRow => ({
      area: 'signing',
      name,
      value,
      unit: 'ms',
      ...(target ? { target, met: value < 1000 } : {}),
      ...(name.includes('invisible') ? { baseline: { name: 'same, PKCS#12 key in memory', value: base.own } } : {}),
    });
    return [
      row('sign 10-page PDF, invisible (excl. token)', invisible.own, '< 1000 ms'),
      row('sign 10-page PDF, visible stamp (excl. token)', stamped.own, '< 1000 ms'),
      row('token time per signature (SoftHSM2 RSA-2048)', invisible.token),
    ];
  });
}
