import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { brainpoolP256r1 } from '@noble/curves/misc.js';
import { p256 } from '@noble/curves/nist.js';
import { addPoints, BRAINPOOL_P256R1, generator, multiply, NIST_P256, type Curve } from '../../../src-main/devices/idcard/icao/ec.ts';

// @noble/curves (audited, independent of our code; a devDependency) as the oracle for the curve
// arithmetic PACE generic mapping relies on: scalar multiplication and point addition.
const CASES: Array<{ name: string; curve: Curve; NoblePoint: typeof brainpoolP256r1.Point }> = [
  { name: BRAINPOOL_P256R1.name, curve: BRAINPOOL_P256R1, NoblePoint: brainpoolP256r1.Point },
  { name: NIST_P256.name, curve: NIST_P256, NoblePoint: p256.Point },
];

describe.each(CASES)('$name against @noble/curves', ({ curve, NoblePoint }) => {
  const scalar = fc.bigInt({ min: 1n, max: curve.n - 1n });

  it('k·G agrees for any scalar', () => {
    fc.assert(
      fc.property(scalar, (k) => {
        const ours = multiply(curve, k, generator(curve));
        const theirs = NoblePoint.BASE.multiply(k).toAffine();
        expect(ours).toEqual({ x: theirs.x, y: theirs.y });
      }),
      { numRuns: 40 },
    );
  });

  it('a·G + b·G agrees, and equals (a+b)·G', () => {
    fc.assert(
      fc.property(scalar, scalar, (a, b) => {
        fc.pre((a + b) % curve.n !== 0n && a !== b);
        const ours = addPoints(curve, multiply(curve, a, generator(curve)), multiply(curve, b, generator(curve)));
        const theirs = NoblePoint.BASE.multiply(a).add(NoblePoint.BASE.multiply(b)).toAffine();
        expect(ours).toEqual({ x: theirs.x, y: theirs.y });
        expect(ours).toEqual(multiply(curve, (a + b) % curve.n, generator(curve)));
      }),
      { numRuns: 30 },
    );
  });

  it('k·P for a random point P agrees (the mapping secret H and the mapped generator are such products)', () => {
    fc.assert(
      fc.property(scalar, scalar, (p, k) => {
        const P = multiply(curve, p, generator(curve));
        const theirs = NoblePoint.fromAffine({ x: P.x, y: P.y }).multiply(k).toAffine();
        expect(multiply(curve, k, P)).toEqual({ x: theirs.x, y: theirs.y });
      }),
      { numRuns: 30 },
    );
  });

  it('doubling (P + P) agrees', () => {
    fc.assert(
      fc.property(scalar, (p) => {
        const P = multiply(curve, p, generator(curve));
        const theirs = NoblePoint.fromAffine({ x: P.x, y: P.y }).double().toAffine();
        expect(addPoints(curve, P, P)).toEqual({ x: theirs.x, y: theirs.y });
      }),
      { numRuns: 30 },
    );
  });
});
