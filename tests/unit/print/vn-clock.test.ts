import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatDateTime, vnDay } from '../../../src-main/domain/vn-date.ts';

describe('tickets print Vietnam time whatever the server zone', () => {
  it('01:08 UTC is 08:08 in Hà Nội, and the day turns at Vietnamese midnight', () => {
    expect(formatDateTime(new Date('2026-12-04T01:08:00Z'))).toBe('04/12/2026 08:08');
    expect(formatDateTime(new Date('2026-12-03T17:00:00Z'))).toBe('04/12/2026 00:00');
    expect(vnDay(new Date('2026-12-03T16:59:59Z'))).toBe('2026-12-03');
    expect(vnDay(new Date('2026-12-03T17:00:00Z'))).toBe('2026-12-04');
  });

  it('agrees with the platform time-zone database for any instant', () => {
    const intl = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1976, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        expect(formatDateTime(new Date(ms))).toBe(intl.format(new Date(ms)).replace(',', ''));
      }),
    );
  });
});
