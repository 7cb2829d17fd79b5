import { useEffect, useState } from 'react';
import { useCall } from '../app/use-call.ts';
import { useClient } from '../app/client-context.tsx';
import { CounterError, RpcErrors } from '../../src-main/contract/errors.ts';
import type { Settings, SettingsPatch } from '../../src-main/contract/settings.ts';

type Section = keyof Settings & keyof SettingsPatch;

/** Anything thrown becomes a CounterError, so ErrorText can always show a code. */
export function asCounterError(err: unknown): CounterError {
  return err instanceof CounterError ? err : RpcErrors.raise('INTERNAL', { message: String(err) });
}

/**
 * Edits one settings section as a local draft: `value` starts from `settings.get`, `save` sends it
 * as a patch of that section and reports "saved" or the core's coded error.
 */
export function useSettingsSection<K extends Section>(section: K) {
  const client = useClient();
  const settings = useCall('settings.get', {});
  const [value, setValue] = useState<Settings[K]>();
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<CounterError>();
  useEffect(() => {
    if (settings.data) setValue(settings.data[section]);
  }, [settings.data, section]);

  const update = (patch: Partial<Settings[K]>) => {
    setValue((v) => (v === undefined ? v : { ...v, ...patch }));
    setSaved(false);
  };
  /** `patch` holds fields kept outside `value` while typing (e.g. text areas parsed on save). */
  const save = async (check?: (v: Settings[K]) => CounterError | undefined, patch?: Partial<Settings[K]>) => {
    if (value === undefined) return;
    const full = { ...value, ...patch };
    setSaved(false);
    const problem = check?.(full);
    setError(problem);
    if (problem) return;
    try {
      const next = await client.call('settings.set', { [section]: full } as SettingsPatch);
      setValue(next[section]);
      setSaved(true);
    } catch (err) {
      setError(asCounterError(err));
    }
  };
  return { value, update, save, saved, error: error ?? settings.error, setError };
}
