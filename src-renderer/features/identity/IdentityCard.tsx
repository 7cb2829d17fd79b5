import { formatDateTime } from '../../../src-main/domain/vn-date.ts';
import { toVnPartialDate } from '../../../src-main/domain/identity/dates.ts';
import { useMessages } from '../../i18n/messages.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { WARNINGS } from '../../../src-main/domain/identity/warnings.ts';
import { identityMsgs } from './messages.ts';
import type { IdentityCardProps } from '../../app/slots.tsx';

/** dd/MM/yyyy from YYYY-MM-DD; MM/yyyy and yyyy where the card gives less. */
export function vnPartialDate(d: string | undefined): string | undefined {
  return d === undefined ? undefined : toVnPartialDate(d);
}

export type { IdentityCardProps };

/**
 * What was read, from where, and what the officer must check. Reusable on the reception and
 * health pages; it shows only what the source actually gave (no empty rows).
 */
export function IdentityCard({ identity: id, source, at, title }: IdentityCardProps) {
  const t = useMessages(identityMsgs);
  const { lang } = useI18n();
  const warningText = (code: string, fallback: string) => (WARNINGS as Record<string, { vi: string; en: string }>)[code]?.[lang] ?? fallback;
  const ins = id.insurance;
  const rows: Array<[string, string | undefined]> = [
    [t('fullName'), id.fullName],
    [t('idNumber'), id.idNumber],
    [t('oldId'), id.oldIdNumber],
    [t('dob'), vnPartialDate(id.dateOfBirth)],
    [t('sex'), id.sex === 'M' ? t('male') : id.sex === 'F' ? t('female') : undefined],
    [t('address'), id.address],
    [t('issue'), vnPartialDate(id.issueDate)],
    [t('expiry'), vnPartialDate(id.expiryDate)],
    [t('documentNumber'), id.kind === 'mrz-td1' ? id.documentNumber : undefined],
    [t('card'), ins?.cardNumber],
    [t('cardValid'), ins && `${vnPartialDate(ins.validFrom) ?? '…'} – ${vnPartialDate(ins.validTo) ?? '…'}`],
    [t('facility'), ins?.facilityCode],
  ];
  return (
    <div className="card identity-card" data-testid="identity-card">
      <h2>{title ?? t('title')}</h2>
      <p className="muted">
        {t(`kind.${id.kind}`)}
        {source && ` · ${t(`driver.${source.driver}`)}${source.simulated ? ` ${t('simulated')}` : ''}`}
        {at && ` · ${formatDateTime(new Date(at))}`}
      </p>
      <dl className="facts">
        {rows
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <div key={k} style={{ display: 'contents' }}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
      </dl>
      {id.warnings.length > 0 && (
        <ul className="identity-warnings" aria-label={t('warnings')}>
          {id.warnings.map((w) => (
            <li key={w.code} data-code={w.code}>
              ⚠ {warningText(w.code, w.message)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
