import type { ProcessingTime as ProcessingTimeType } from '../calendar/processing-time.ts';
import type { ComponentCopies, Procedure, RequiredComponent, SubmissionChannel, ProcessingTime } from '../../contract/procedures.ts';
import type { z } from 'zod';

export {
  NATIONAL_PROCEDURE_CODE,
  SubmissionChannel,
  ProcessingTime,
  Fee,
  ComponentCopies,
  RequiredComponent,
  ProcedureField,
  Procedure,
  type ProcedureInput,
} from '../../contract/procedures.ts';

// The wire schema and the calendar's type must stay the same shape.
const _sameShape: ProcessingTimeType = {} as z.infer<typeof ProcessingTime>;
void _sameShape;

/** The time limit for a channel, falling back to the procedure's general one. */
export function processingTimeFor(p: Procedure, channel: SubmissionChannel): ProcessingTimeType {
  return p.processingTimeByChannel.find((c) => c.channel === channel)?.time ?? p.processingTime;
}

/** The copies of each required component a channel asks for (components the channel skips are left out). */
export function checklistFor(p: Procedure, channel: SubmissionChannel): Array<RequiredComponent & { need: ComponentCopies }> {
  return p.components.flatMap((c) => {
    const need = c.copies.find((x) => x.channel === channel);
    return need ? [{ ...c, need }] : [];
  });
}
