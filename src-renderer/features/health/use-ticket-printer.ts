import { useCallback, useState } from 'react';
import { CounterError } from '../../../src-main/contract/errors.ts';
import { useClient } from '../../app/client-context.tsx';
import { useCall } from '../../app/use-call.ts';

/**
 * Prints a queue ticket on the station's ESC/POS printer. `auto` is true when a ticket printer is
 * configured, so a check-in prints its number at once; any ticket can be printed again.
 */
export function useTicketPrinter() {
  const client = useClient();
  const settings = useCall('settings.get', {});
  const [printed, setPrinted] = useState<number>();
  const [error, setError] = useState<CounterError>();
  const auto = Boolean(settings.data?.print.defaultTicketPrinter);
  const print = useCallback(
    async (number: number) => {
      setError(undefined);
      try {
        await client.call('print.ticket', { number, service: 'Trạm y tế', counter: '' });
        setPrinted(number);
      } catch (err) {
        setError(err instanceof CounterError ? err : undefined);
      }
    },
    [client],
  );
  return { auto, print, printed, error };
}
