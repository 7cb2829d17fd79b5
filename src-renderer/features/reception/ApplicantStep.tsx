import { useEffect, useState } from 'react';
import type { Identity } from '../../../src-main/contract/identity.ts';
import type { ReceptionDraft } from '../../../src-main/contract/reception.ts';
import { CounterError } from '../../../src-main/contract/errors.ts';
import { crossCheckIdNumber, isIdNumber, normalizeIdNumber } from '../../../src-main/domain/identity/id-number.ts';
import { parseSlashDate, toVnPartialDate } from '../../../src-main/domain/identity/dates.ts';
import { useClient } from '../../app/client-context.tsx';
import { useMessages } from '../../i18n/messages.ts';
import { ErrorText } from '../../ui/ErrorText.tsx';
import { useSlots } from '../../app/slots.tsx';
import { receptionMsgs } from './messages.ts';
import { ApplicantSummary } from './ApplicantSummary.tsx';

type Trust = NonNullable<ReceptionDraft['applicantTrust']>;

/**
 * Step 1: who is submitting. A chip read, any QR read (serial reader, keyboard wedge into the field,
 * or pasted), or typing — the typed ID number is checked against sex and birth century.
 */
export function ApplicantStep({ draft, update, training }: { draft: ReceptionDraft; update: (p: Partial<ReceptionDraft>) => void; training: boolean }) {
  const { CardReadPanel, useQrWedgeSubmit } = useSlots();
  // A keyboard-wedge scanner works without a click into the QR box: its burst is recognised by speed
  // anywhere on the page and becomes an identity.read, which `take` below receives.
  const wedge = useQrWedgeSubmit();
  const client = useClient();
  const t = useMessages(receptionMsgs);
  const [qrText, setQrText] = useState('');
  const [error, setError] = useState<CounterError>();
  const [manual, setManual] = useState({ fullName: '', idNumber: '', dateOfBirth: '', sex: '' as '' | 'M' | 'F', address: '' });

  /** Insurance data from a BHYT QR read before the person's ID number was known. */
  const [pendingInsurance, setPendingInsurance] = useState<Identity['insurance']>();
  const [bhytNeedsId, setBhytNeedsId] = useState(false);

  const take = (identity: Identity, trust: Trust) => {
    setError(undefined);
    wedge.clear();
    // A BHYT code names no person (no ID number): it adds insurance to the applicant already read,
    // or pre-fills the typed entry so the officer adds the ID number.
    if (identity.kind === 'bhyt-qr' && !identity.idNumber) {
      if (draft.applicant?.idNumber) {
        update({ applicant: { ...draft.applicant, insurance: identity.insurance } });
        return;
      }
      setPendingInsurance(identity.insurance);
      setBhytNeedsId(true);
      setManual((m) => ({
        ...m,
        fullName: identity.fullName ?? m.fullName,
        dateOfBirth: identity.dateOfBirth ? toVnPartialDate(identity.dateOfBirth) : m.dateOfBirth,
        sex: identity.sex ?? m.sex,
        address: identity.address ?? m.address,
      }));
      return;
    }
    setBhytNeedsId(false);
    update({ applicant: identity, applicantTrust: trust });
  };

  useEffect(() => client.on('identity.read', (r) => take(r.identity, 'machine-read')), [client]);

  const readQr = async () => {
    try {
      take(await client.call('identity.parse', { text: qrText, hint: 'auto' }), 'machine-read');
      setQrText('');
    } catch (err) {
      if (err instanceof CounterError) setError(err);
    }
  };

  // Fewer than 12 digits is still being typed; a letter or a 13th digit is wrong at once.
  const idOk = /^\d{0,12}$/.test(manual.idNumber);
  const dob = parseSlashDate(manual.dateOfBirth.trim(), true);
  const dobBad = manual.dateOfBirth.trim() !== '' && dob === undefined;
  const manualWarnings = isIdNumber(manual.idNumber) ? crossCheckIdNumber(manual.idNumber, manual.sex || undefined, dob) : [];
  const useManual = () => {
    take({ kind: 'manual', fullName: manual.fullName.trim(), idNumber: manual.idNumber, dateOfBirth: dob, sex: manual.sex || undefined, address: manual.address.trim() || undefined, insurance: pendingInsurance, warnings: manualWarnings }, 'manual');
  };

  return (
    <div className="grid-2">
      <div>
        <p className="muted">{t('waitingCard')}</p>
        {draft.applicant && <ApplicantSummary identity={draft.applicant} trust={draft.applicantTrust} />}
        <CardReadPanel
          idNumber={draft.applicant?.idNumber}
          qrIdentity={draft.applicant?.kind !== 'chip' ? draft.applicant : undefined}
          onRead={(r) => take(r.identity, r.authenticity.result === 'valid' ? 'verified' : 'machine-read')}
        />
      </div>
      <div>
        <div className="card">
          <label>
            {t('pasteQr')}
            <textarea data-testid="qr-input" rows={2} value={qrText} onChange={(e) => setQrText(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), void readQr())} />
          </label>
          <div className="row">
            <button type="button" onClick={() => void readQr()} disabled={!qrText.trim()}>
              {t('readQr')}
            </button>
            {training && (
              <button type="button" className="secondary" onClick={() => void client.call('identity.trainingScan', { sample: 'cccd' })}>
                {t('simulateCard')}
              </button>
            )}
          </div>
          <ErrorText error={error ?? wedge.error} />
        </div>
        <form className="card" onSubmit={(e) => (e.preventDefault(), useManual())}>
          <label>
            {t('fullName')}
            <input value={manual.fullName} onChange={(e) => setManual({ ...manual, fullName: e.target.value })} />
          </label>
          <label>
            {t('idNumber')}
            <input inputMode="numeric" data-testid="manual-id" value={manual.idNumber} aria-invalid={!idOk} aria-describedby={idOk ? undefined : 'manual-id-error'} onChange={(e) => setManual({ ...manual, idNumber: normalizeIdNumber(e.target.value) })} />
          </label>
          {!idOk && (
            <p id="manual-id-error" className="error" role="alert">
              {t('idNumberInvalid')}
            </p>
          )}
          <div className="row">
            <label>
              {t('dateOfBirth')}
              <input data-testid="manual-dob" value={manual.dateOfBirth} aria-invalid={dobBad} aria-describedby={dobBad ? 'manual-dob-error' : undefined} onChange={(e) => setManual({ ...manual, dateOfBirth: e.target.value })} />
            </label>
            <label>
              {t('sex')}
              <select value={manual.sex} onChange={(e) => setManual({ ...manual, sex: e.target.value as '' | 'M' | 'F' })}>
                <option value="" />
                <option value="M">{t('male')}</option>
                <option value="F">{t('female')}</option>
              </select>
            </label>
          </div>
          <label>
            {t('address')}
            <input value={manual.address} onChange={(e) => setManual({ ...manual, address: e.target.value })} />
          </label>
          {dobBad && (
            <p id="manual-dob-error" className="error" role="alert">
              {t('dobInvalid')}
            </p>
          )}
          {bhytNeedsId && (
            <p className="warning" role="status" data-testid="bhyt-needs-id">
              {t('bhytNeedsId')}
            </p>
          )}
          {manualWarnings.map((w) => (
            <p key={w.code} className="warning">
              {w.message}
            </p>
          ))}
          <button type="submit" disabled={!manual.fullName.trim() || !isIdNumber(manual.idNumber) || dobBad}>
            {t('useManual')}
          </button>
        </form>
        <label className="card">
          {t('phone')}
          <input inputMode="tel" value={draft.phone ?? ''} onChange={(e) => update({ phone: e.target.value })} />
        </label>
      </div>
    </div>
  );
}
