import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReceptionDraft } from '../../../src-main/contract/reception.ts';
import { useClient } from '../../app/client-context.tsx';

export function newDraftId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `r-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export function emptyDraft(): ReceptionDraft {
  return { id: newDraftId(), updatedAt: new Date().toISOString(), step: 'applicant', received: {}, note: '', forms: [] };
}

/**
 * The reception in progress, saved to the core after every change (short debounce), so closing the
 * app or a power cut keeps what the officer typed. Saves are serialised so an older one never wins.
 */
export function useReceptionDraft(initial: ReceptionDraft) {
  const client = useClient();
  const [draft, setDraft] = useState(initial);
  const latest = useRef(initial);
  const [savedAt, setSavedAt] = useState<string>();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const chain = useRef<Promise<unknown>>(Promise.resolve());

  const persist = useCallback(() => {
    const snapshot = latest.current;
    chain.current = chain.current.then(() => client.call('reception.drafts.save', snapshot).then((r) => setSavedAt(r.updatedAt), () => {}));
    return chain.current;
  }, [client]);

  const update = useCallback(
    (patch: Partial<ReceptionDraft>) => {
      latest.current = { ...latest.current, ...patch };
      setDraft(latest.current);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void persist(), 250);
    },
    [persist],
  );

  /** Saves at once; used before a step the core reads from disk (accept, forms). */
  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    await persist();
    return latest.current;
  }, [persist]);

  useEffect(() => () => clearTimeout(timer.current), []);
  return { draft, update, flush, savedAt };
}
