import type { Dossier } from '../../contract/dossiers.ts';
import { RESULT_COMPONENT_CODE } from '../../contract/dossier-view.ts';
import type { Procedure, RequiredComponent } from '../../contract/procedures.ts';
import type { ReportRecord } from '../../contract/reports.ts';

/** What the report needs to know about a dossier that the dossier row itself does not carry. */
export interface ReportFacts {
  /** Payment by VietQR was on, so a receipt for a fee carried the code. */
  vietQrEnabled: boolean;
  waitSeconds: number | null;
  handleSeconds: number | null;
}

function asksForPaper(c: RequiredComponent, channel: Dossier['channel']): boolean {
  const copies = c.copies.find((x) => x.channel === channel) ?? c.copies[0];
  return !!copies && copies.originals + copies.certifiedCopies + copies.photocopies > 0;
}

/** Reception stores a component under the catalogue's code when it has one, else under its name. */
function matches(required: RequiredComponent, got: Dossier['components'][number]): boolean {
  return required.code ? got.code === required.code : got.name === required.name;
}

const firstAt = (d: Dossier, status: number): string | null => d.statusHistory.find((s) => s.status === status)?.at ?? null;

/** Form numbers as the report counts them ('Mẫu 01' and '01' are the same form). */
const formNumber = (form: string): string => /(\d{2})/.exec(form)?.[1] ?? form;

export function toReportRecord(d: Dossier, procedure: Procedure | undefined, facts: ReportFacts): ReportRecord {
  const required = (procedure?.components ?? []).filter((c) => !c.optional && asksForPaper(c, d.channel));
  // The result (KQ) is filed as a component when it is returned; it is not part of what was received.
  const digitized = d.components.filter((c) => c.code !== RESULT_COMPONENT_CODE && c.pages.length > 0);
  const feeVnd = (procedure?.fees ?? []).reduce((sum, f) => sum + f.amountVnd, 0);
  const formsIssued = [...new Set(d.forms.map((f) => formNumber(f.form)))];
  return {
    id: d.id,
    code: d.officialCode ?? d.provisionalCode ?? d.id,
    counterId: d.counterId,
    procedureCode: d.procedureCode,
    procedureName: d.procedureName,
    fieldCode: procedure?.field.code ?? '',
    fieldName: procedure?.field.name ?? 'Chưa rõ lĩnh vực',
    channel: d.channel,
    receivedAt: d.receivedAt,
    dueAt: d.dueAt,
    resolvedAt: firstAt(d, 9) ?? firstAt(d, 10),
    returnedAt: firstAt(d, 10),
    requiredComponents: required.length,
    digitizedRequired: required.filter((r) => digitized.some((c) => matches(r, c))).length,
    digitizedComponents: digitized.length,
    resultDigitized: d.components.some((c) => c.code === RESULT_COMPONENT_CODE && c.pages.length > 0),
    feeVnd,
    feeQrShown: facts.vietQrEnabled && feeVnd > 0 && formsIssued.includes('01'),
    formsIssued,
    waitSeconds: facts.waitSeconds,
    handleSeconds: facts.handleSeconds,
  };
}
