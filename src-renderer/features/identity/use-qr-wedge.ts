import { useEffect, useRef, useState } from 'react';
import { BurstDetector, DEFAULT_BURST, type BurstOptions } from '../../../src-main/domain/identity/burst-detector.ts';
import type { IdentityRead, ReadSource } from '../../../src-main/contract/idread.ts';
import { CounterError } from '../../../src-main/contract/errors.ts';
import { useClient } from '../../app/client-context.tsx';

/**
 * Listens to the whole window for a keyboard-wedge scanner: a burst of keys far faster than a person
 * types. The scan's keys are kept out of the focused field once the burst is obvious (the first
 * few may land there), and `onScan` gets the complete text.
 */
export function useQrWedge(
  onScan: (text: string) => void,
  options: {
    enabled?: boolean;
    burst?: BurstOptions;
    /** For scanners set up without an Enter/Tab suffix: end a scan after this pause (off by default,
     * because with a suffix a stall of the page would otherwise cut a code in two). */
    endWithoutSuffixMs?: number;
  } = {},
): void {
  const enabled = options.enabled ?? true;
  const handler = useRef(onScan);
  handler.current = onScan;
  const burst = options.burst ?? DEFAULT_BURST;
  const endAfter = options.endWithoutSuffixMs;
  useEffect(() => {
    if (!enabled) return;
    const detector = new BurstDetector(burst);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.altKey || e.metaKey) return;
      const r = detector.feed(e.key, e.timeStamp || performance.now());
      if (r.capture) {
        e.preventDefault();
        e.stopPropagation();
      }
      clearTimeout(timer);
      if (r.scan !== undefined) handler.current(r.scan);
      else if (endAfter !== undefined)
        timer = setTimeout(() => {
          const text = detector.idle(performance.now(), endAfter);
          if (text !== undefined) handler.current(text);
        }, endAfter + 5);
    };
    window.addEventListener('keydown', onKey, true);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('keydown', onKey, true);
    };
  }, [enabled, burst, endAfter]);
}

const WEDGE: ReadSource = { deviceId: 'wedge', driver: 'wedge', simulated: false };

/**
 * The wedge hook wired to the core: each scan is handed to `identity.submit`, which parses it and
 * announces it as `identity.read` like any other reader. Returns the last refusal, if any.
 */
export function useQrWedgeSubmit(options: { enabled?: boolean; onRead?: (read: IdentityRead) => void } = {}): { error: CounterError | undefined; clear: () => void } {
  const client = useClient();
  const [error, setError] = useState<CounterError>();
  const onRead = useRef(options.onRead);
  onRead.current = options.onRead;
  useQrWedge(
    (text) => {
      client.call('identity.submit', { text, source: WEDGE }).then(
        (read) => {
          setError(undefined);
          onRead.current?.(read);
        },
        (err: unknown) => setError(err instanceof CounterError ? err : undefined),
      );
    },
    { enabled: options.enabled },
  );
  return { error, clear: () => setError(undefined) };
}
