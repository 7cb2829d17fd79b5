import { useState } from 'react';
import type { CounterError } from '../../../src-main/contract/errors.ts';
import { asCounterError } from '../../ui/use-settings-section.ts';

/** A button's async action: busy while it runs, its coded error afterwards. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CounterError>();
  const run = async <T,>(action: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(undefined);
    try {
      return await action();
    } catch (err) {
      setError(asCounterError(err));
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}
