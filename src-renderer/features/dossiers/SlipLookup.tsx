import { useRef, useState, type FormEvent } from 'react';
import { CounterError } from '../../../src-main/contract/errors.ts';
import { useClient } from '../../app/client-context.tsx';
import { useMessages } from '../../i18n/messages.ts';
import { ErrorText } from '../../ui/ErrorText.tsx';
import { useSlots } from '../../app/slots.tsx';
import { detailMessages } from './detail-messages.ts';

/**
 * The returns desk's entry point: a keyboard-wedge QR reader "types" the slip's QR (the dossier code
 * or a tracking URL holding it) and presses Enter; an officer can type the code the same way.
 */
export function SlipLookup({ onFound }: { onFound: (dossierId: string) => void }) {
  const t = useMessages(detailMessages);
  const client = useClient();
  const { useQrWedge } = useSlots();
  const [text, setText] = useState('');
  const [error, setError] = useState<CounterError>();
  const find = async (code: string) => {
    setError(undefined);
    try {
      const found = await client.call('dossiers.findByCode', { text: code });
      setText('');
      onFound(found.id);
    } catch (err) {
      setError(err instanceof CounterError ? err : undefined);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void find(text);
  };
  // The slip's QR from a keyboard-wedge scanner opens the dossier wherever the focus is.
  const findRef = useRef(find);
  findRef.current = find;
  useQrWedge((code) => void findRef.current(code));
  return (
    <form onSubmit={submit} className="card" style={{ padding: 12 }} data-testid="slip-lookup">
      <label>
        {t('lookupLabel')}
        <div className="row" style={{ alignItems: 'center' }}>
          <input
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={t('lookupPlaceholder')}
            data-testid="slip-code"
            autoComplete="off"
            spellCheck={false}
            style={{ flex: '1 1 360px' }}
          />
          <button type="submit" disabled={text.trim() === ''}>
            {t('open')}
          </button>
        </div>
      </label>
      <ErrorText error={error} />
    </form>
  );
}
