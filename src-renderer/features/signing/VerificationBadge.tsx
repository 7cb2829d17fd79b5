import type { VerifyReport } from '../../../src-main/contract/signing.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useMessages } from '../../i18n/messages.ts';
import { signingMessages } from './messages.ts';
import { formatDateTime } from '../../../src-main/domain/vn-date.ts';

const COLORS = { valid: '#1b7f3b', invalid: '#b3261e', unknown: '#8a6d00' } as const;

/** valid / invalid / unknown for one PDF, with the signer and the problems in the tooltip and below. */
export function VerificationBadge({ report, showProblems = false }: { report: VerifyReport; showProblems?: boolean }) {
  const t = useMessages(signingMessages);
  const { lang } = useI18n();
  const first = report.signatures[0];
  const label = report.signatures.length === 0 ? t('unsigned') : t(report.status);
  const problems = report.signatures.flatMap((s) => s.problems.map((p) => (lang === 'vi' ? p.vi : p.en)));
  const who = report.signatures.map((s) => `${s.signerName}${s.signingTime ? ` — ${formatDateTime(new Date(s.signingTime), { seconds: true })}` : ''}`);
  return (
    <span data-testid="signature-badge" data-status={report.status} title={[...who, ...problems].join('\n')}>
      <span style={{ color: '#fff', background: COLORS[report.status], borderRadius: 4, padding: '2px 8px', fontSize: 13, whiteSpace: 'nowrap' }}>
        {report.status === 'valid' ? '✔ ' : report.status === 'invalid' ? '✖ ' : '? '}
        {label}
      </span>
      {first && <span className="muted" style={{ marginLeft: 6 }}>{first.signerName}</span>}
      {showProblems && problems.length > 0 && (
        <ul className="muted" style={{ margin: '4px 0 0 16px' }}>
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </span>
  );
}
