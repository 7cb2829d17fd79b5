import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { identityFromHn212 } from '../../../src-main/domain/identity/vendor-hn212.ts';
import { Identity } from '../../../src-main/contract/identity.ts';
import { expectCode, isIdentityError } from './expect-code.ts';

describe('vendor reader (HN-212 event shape) → identity', () => {
  it('maps the documented fields, accepting the date formats a vendor may use', () => {
    for (const dob of ['01/01/1990', '01011990', '1990-01-01']) {
      expect(identityFromHn212({ idCode: '001090012345', personName: 'Nguyễn Văn An', dateOfBirth: dob, gender: 'Nam' })).toMatchObject({
        kind: 'chip',
        dateOfBirth: '1990-01-01',
        sex: 'M',
      });
    }
  });

  it('refuses data without a 12-digit ID', () => {
    expectCode(() => identityFromHn212({ personName: 'X' }), 'VENDOR_DATA_INVALID');
    expectCode(() => identityFromHn212(null), 'VENDOR_DATA_INVALID');
  });

  it('fuzz: any payload gives a valid identity or a coded error', () => {
    fc.assert(
      fc.property(fc.anything(), fc.record({ idCode: fc.oneof(fc.string(), fc.stringMatching(/^\d{12}$/)), dateOfBirth: fc.string(), gender: fc.string(), personName: fc.string() }, { requiredKeys: [] }), (a, b) => {
        for (const p of [a, b]) {
          try {
            Identity.parse(identityFromHn212(p));
          } catch (err) {
            if (!isIdentityError(err)) throw err;
          }
        }
      }),
    );
  });
});
