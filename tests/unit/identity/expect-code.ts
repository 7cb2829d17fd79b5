import { expect } from 'vitest';
import { CounterError } from '../../../src-main/contract/errors.ts';
import { IdentityErrors } from '../../../src-main/domain/identity/errors.ts';
import type { Identity } from '../../../src-main/contract/identity.ts';

/** Asserts the call throws a coded identity error with a Vietnamese message. */
export function expectCode(fn: () => unknown, code: string): void {
  let thrown: unknown;
  try {
    fn();
  } catch (err) {
    thrown = err;
  }
  expect(thrown).toBeInstanceOf(CounterError);
  expect((thrown as CounterError).code).toBe(code);
  expect((thrown as CounterError).messages.vi.length).toBeGreaterThan(5);
}

export function isIdentityError(err: unknown): boolean {
  return err instanceof CounterError && Object.prototype.hasOwnProperty.call(IdentityErrors.table, err.code);
}

export const codes = (id: Identity) => id.warnings.map((w) => w.code);
