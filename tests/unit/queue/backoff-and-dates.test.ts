import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../src-main/features/queue/backoff.ts';
import { parsePortalDate, toPortalDate } from '../../../src-main/domain/dossier/portal-date.ts';

describe('backoff with full jitter', () => {
  it('stays within [retryAfter, min(cap, base·2^(n−1))] for any attempt count and random draw', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.double({ min: 0, max: 0.999999, noNaN: true }), fc.integer({ min: 0, max: 5000 }), (n, r, after) => {
        const d = backoffDelay(n, { baseMs: 100, capMs: 10_000 }, () => r, after);
        expect(d).toBeGreaterThanOrEqual(after);
        expect(d).toBeLessThanOrEqual(Math.max(after, Math.min(10_000, 100 * 2 ** (n - 1))));
      }),
    );
  });
});

describe('portal dates (yyyyMMddHHmmss, Asia/Ho_Chi_Minh)', () => {
  it('round-trips every instant to the second', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const s = toPortalDate(d);
        expect(s).toMatch(/^\d{14}$/);
        expect(parsePortalDate(s)?.getTime()).toBe(Math.floor(d.getTime() / 1000) * 1000);
      }),
    );
  });
  it('uses Vietnam time and rejects malformed or impossible dates', () => {
    expect(toPortalDate(new Date('2024-01-15T17:30:00Z'))).toBe('20240116003000');
    for (const bad of ['', '2024011600300', '20240230120000', '20241301000000', '2024011624000x']) expect(parsePortalDate(bad)).toBeUndefined();
  });
});
