import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scrubPersonalData } from '../../../src-main/features/admin/diagnostics/scrub.ts';

describe('diagnostics scrub', () => {
  it('masks ID numbers, BHYT card numbers and e-mails', () => {
    const out = scrubPersonalData('id 001190012345 card GD4797931234567 mail an.nguyen@example.vn ok code 000.00.31.H42');
    expect(out).not.toMatch(/001190012345|GD4797931234567|an\.nguyen@example\.vn/);
    expect(out).toContain('000.00.31.H42');
  });

  it('never lets a 12-digit number through, wherever it stands', () => {
    fc.assert(
      fc.property(fc.string(), fc.stringMatching(/^\d{12}$/), fc.string(), (a, id, b) => {
        expect(scrubPersonalData(`${a} ${id} ${b}`)).not.toContain(id);
      }),
    );
  });
});
