import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loopbackNames, requestPath } from '../../../src-main/web/loopback-names.ts';

describe('requestPath', () => {
  it('never throws, and answers only for origin-form targets', () => {
    fc.assert(
      fc.property(fc.string(), (target) => {
        const r = requestPath(target);
        if (r) expect(target.startsWith('/') && !target.startsWith('//')).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses scheme-relative, absolute and empty targets', () => {
    for (const t of ['//', '//evil.example/rpc', 'http://x/rpc', '*', '', undefined]) expect(requestPath(t)).toBeUndefined();
    expect(requestPath('/rpc?token=a%20b')).toMatchObject({ pathname: '/rpc' });
    expect(requestPath('/rpc?token=a%20b')!.params.get('token')).toBe('a b');
  });
});

describe('loopbackNames', () => {
  it('names only 127.0.0.1 and localhost on the given port', () => {
    const n = loopbackNames(5780);
    expect([...n.hosts]).toEqual(['127.0.0.1:5780', 'localhost:5780']);
    expect(n.origins.has('http://localhost:5780')).toBe(true);
    expect(n.origins.has('http://127.0.0.1:5781')).toBe(false);
  });
});
