import type { MonthRow } from '../../../src-main/contract/reports.ts';
import { viPercent } from '../../../src-main/domain/reports/summary-rows.ts';

const W = 560;
const H = 180;
const PAD = 28;

/** Bars for dossiers received per month, a line for the on-time rate (0–100 % on the right). */
export function MonthChart({ months, title }: { months: MonthRow[]; title: string }) {
  if (months.length === 0) return null;
  const max = Math.max(1, ...months.map((m) => m.received));
  const slot = (W - 2 * PAD) / months.length;
  const x = (i: number) => PAD + i * slot + slot / 2;
  const yBar = (n: number) => H - PAD - (n / max) * (H - 2 * PAD);
  const yRate = (p: number) => H - PAD - (p / 100) * (H - 2 * PAD);
  const line = months
    .map((m, i) => (m.onTimePercent === null ? null : `${x(i)},${yRate(m.onTimePercent)}`))
    .filter(Boolean)
    .join(' ');
  return (
    <figure className="report-chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={title} data-testid="report-chart">
        <line x1={PAD} y1={H - PAD} x2={W - PAD} y2={H - PAD} stroke="#888" />
        {months.map((m, i) => (
          <g key={m.month}>
            <rect x={x(i) - slot * 0.3} y={yBar(m.received)} width={slot * 0.6} height={H - PAD - yBar(m.received)} fill="#4a6fa5">
              <title>{`${m.month.slice(5, 7)}/${m.month.slice(0, 4)}: ${m.received}`}</title>
            </rect>
            <text x={x(i)} y={yBar(m.received) - 4} textAnchor="middle" fontSize="11">
              {m.received}
            </text>
            <text x={x(i)} y={H - PAD + 14} textAnchor="middle" fontSize="11">
              {`${m.month.slice(5, 7)}/${m.month.slice(0, 4)}`}
            </text>
            {m.onTimePercent === null ? null : (
              <text x={x(i)} y={yRate(m.onTimePercent) - 6} textAnchor="middle" fontSize="10" fill="#1e7b34">
                {viPercent(m.onTimePercent)}
              </text>
            )}
          </g>
        ))}
        {line ? <polyline points={line} fill="none" stroke="#1e7b34" strokeWidth={2} /> : null}
      </svg>
    </figure>
  );
}
