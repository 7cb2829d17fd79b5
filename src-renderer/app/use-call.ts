import { useCallback, useEffect, useState } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '../../src-main/contract/methods.ts';
import { CounterError } from '../../src-main/contract/errors.ts';
import { useClient } from './client-context.tsx';

export interface CallState<T> {
  data: T | undefined;
  error: CounterError | undefined;
  loading: boolean;
  reload: () => void;
}

/** Calls a contract method when the component mounts (and on reload), tracking loading and errors. */
export function useCall<M extends MethodName>(method: M, input: MethodInput<M>): CallState<MethodOutput<M>> {
  const client = useClient();
  const [state, setState] = useState<{ data?: MethodOutput<M>; error?: CounterError; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  const key = JSON.stringify(input);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    client.call(method, JSON.parse(key) as MethodInput<M>).then(
      (data) => live && setState({ data, loading: false }),
      (error: unknown) => live && setState({ error: error instanceof CounterError ? error : undefined, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [client, method, key, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
