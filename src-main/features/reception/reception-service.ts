import type { Caller } from '../../rpc/caller.ts';
import type { Store } from '../../store/store.ts';
import type { SettingsService } from '../../kernel/settings-service.ts';
import type { DraftStore } from './draft-store.ts';
import type { Dossier, DossierDraft } from '../../contract/dossiers.ts';
import type { Procedure } from '../../contract/procedures.ts';
import type { FormKind, FormDataInput } from '../../contract/print.ts';
import type { ReceptionDraft, IssuedFormView } from '../../contract/reception.ts';
import { CounterError } from '../../contract/errors.ts';
import { formDataFromDossier, vietnamWallClock } from '../../domain/dossier/form-from-dossier.ts';
import { componentKey } from '../../domain/reception/component-key.ts';
import { ReceptionErrors } from '../../contract/reception.ts';
import { isIdNumber, normalizeIdNumber } from '../../domain/identity/id-number.ts';

/**
 * The counter's reception as one application service: it only orchestrates the other areas through
 * the contract (scan → PDFs, calendar → appointment, store → dossier + outbox, print → Mẫu 01).
 */
export class ReceptionService {
  constructor(
    private readonly call: Caller,
    private readonly drafts: DraftStore,
    private readonly store: Store,
    private readonly settings: SettingsService,
  ) {}

  async accept(draftId: string, opts: { print: boolean; officerName: string }) {
    const draft = this.drafts.get(draftId);
    const recovered = draft.dossierId ? undefined : await this.findAcceptedBefore(draft);
    if (draft.dossierId || recovered) {
      const dossier = await this.call('dossiers.get', { id: (draft.dossierId ?? recovered) as string, reason: 'Tiếp nhận hồ sơ / reception' });
      const receipt = await this.issueForm({ form: 'receipt', dossierId: dossier.id, print: false }, opts.officerName);
      this.drafts.save({ ...draft, dossierId: dossier.id, step: 'done' });
      return { dossier, receipt, recovered: true };
    }
    if (!draft.applicant) throw ReceptionErrors.raise('RECEPTION_NO_APPLICANT');
    // A dossier belongs to a person: a BHYT code (or a typed entry) without an ID number names nobody.
    const idNumber = normalizeIdNumber(draft.applicant.idNumber ?? '');
    if (!isIdNumber(idNumber)) throw ReceptionErrors.raise('RECEPTION_APPLICANT_NO_ID', { kind: draft.applicant.kind });
    const applicant = { ...draft.applicant, idNumber };
    if (!draft.procedureCode) throw ReceptionErrors.raise('RECEPTION_NO_PROCEDURE');
    const procedure = await this.call('procedures.get', { code: draft.procedureCode });
    const missing = procedure.components.filter((c, i) => !c.optional && !draft.received[componentKey(i)]);
    if (missing.length) throw ReceptionErrors.raise('RECEPTION_MISSING_COMPONENTS', { missing: missing.map((c) => c.name) });

    const receivedAt = new Date().toISOString();
    const appointment = await this.call('calendar.appointment', { receivedAt, processingTime: procedure.processingTime });
    const components = await this.componentsWithPdfs(draft, procedure);
    this.drafts.save({ ...draft, acceptStartedAt: receivedAt });
    const input: DossierDraft = {
      procedureCode: procedure.code,
      procedureName: procedure.name,
      channel: 'direct',
      applicant: { identity: applicant, trust: draft.applicantTrust ?? 'manual', phone: draft.phone || undefined },
      summary: draft.note,
      components,
      receivedAt,
      appointment: { dueAt: appointment.appointmentAt, reasoning: { explanation: appointment.explanation, skipped: appointment.skipped } },
      acceptedBy: opts.officerName || undefined,
    };
    const dossier = await this.call('dossiers.accept', input);
    this.drafts.save({ ...draft, acceptStartedAt: receivedAt, dossierId: dossier.id, step: 'done' });
    await this.indexScannedText(draft, dossier, procedure);
    const receipt = await this.issueForm({ form: 'receipt', dossierId: dossier.id, print: opts.print }, opts.officerName, procedure, dossier);
    return { dossier, appointment, receipt, recovered: false };
  }

  /** Makes the scanned pages' text findable in the dossier search (the PDFs are already stored). */
  private async indexScannedText(draft: ReceptionDraft, dossier: Dossier, procedure: Procedure): Promise<void> {
    if (!draft.scanSessionId) return;
    const session = await this.call('scan.get', { sessionId: draft.scanSessionId }).catch(() => undefined);
    // Dossier components keep the order of the received ones, so the n-th received key is the n-th component.
    const keys = procedure.components.map((_, i) => componentKey(i)).filter((k) => draft.received[k]);
    for (const page of session?.pages ?? []) {
      const component = page.componentId ? dossier.components[keys.indexOf(page.componentId)] : undefined;
      if (!component || !page.text) continue;
      await this.call('dossiers.indexPageText', { dossierId: dossier.id, componentId: component.id, pageNo: page.order, text: page.text });
    }
  }

  /** After a crash between "accept" and saving the draft, find the dossier instead of making a second one. */
  private async findAcceptedBefore(draft: ReceptionDraft): Promise<string | undefined> {
    if (!draft.acceptStartedAt) return undefined;
    const recent = await this.call('dossiers.list', { limit: 50, offset: 0 });
    return recent.items.find(
      (d) => d.procedureCode === draft.procedureCode && d.applicantIdNumber === (draft.applicant?.idNumber === undefined ? null : normalizeIdNumber(draft.applicant.idNumber)) && d.receivedAt >= (draft.acceptStartedAt as string),
    )?.id;
  }

  private async componentsWithPdfs(draft: ReceptionDraft, procedure: Procedure): Promise<NonNullable<DossierDraft['components']>> {
    const out: NonNullable<DossierDraft['components']> = [];
    const session = draft.scanSessionId ? await this.call('scan.get', { sessionId: draft.scanSessionId }).catch(() => undefined) : undefined;
    for (const [i, c] of procedure.components.entries()) {
      const key = componentKey(i);
      const copies = draft.received[key];
      if (!copies) continue;
      const hasPages = session?.pages.some((p) => p.componentId === key);
      const pdf = hasPages && session ? await this.call('scan.buildPdf', { sessionId: session.id, componentId: key }) : undefined;
      out.push({
        code: c.code || key,
        name: c.name,
        ...copies,
        pages: pdf ? [{ pageNo: 1, sha256: pdf.sha256, size: pdf.bytes, mime: 'application/pdf' }] : [],
      });
    }
    return out;
  }

  async issueForm(
    req: { form: FormKind; dossierId?: string; draftId?: string; supplementItems?: Array<{ name: string; reason: string }>; refusalReason?: string; print: boolean },
    officerName: string,
    knownProcedure?: Procedure,
    knownDossier?: Dossier,
  ): Promise<IssuedFormView> {
    const data = await this.formData(req, officerName, knownProcedure, knownDossier);
    if (req.supplementItems?.length) data.supplement = { items: req.supplementItems };
    if (req.refusalReason) data.refusal = { reason: req.refusalReason };
    const pdf = await this.call('print.forms.render', { form: req.form, data });
    const stored = this.store.blobs.put(Buffer.from(pdf.pdfBase64, 'base64'));
    const formName = `Mẫu ${pdf.formNumber}`;
    if (req.draftId && !req.dossierId) {
      const draft = this.drafts.get(req.draftId);
      this.drafts.save({ ...draft, forms: [...draft.forms, { form: req.form, sha256: stored.sha256, issuedAt: new Date().toISOString() }] });
    }
    const preview = await this.call('print.forms.preview', { form: req.form, data, page: 1, widthPx: 700 });
    const view: IssuedFormView = { form: req.form, sha256: stored.sha256, pages: pdf.pages, pngDataUrl: preview.pngDataUrl };
    // Printing a stored dossier's form archives it with the dossier (print area); otherwise record it here.
    const record = () => req.dossierId && this.call('dossiers.recordForm', { id: req.dossierId, form: formName, sha256: stored.sha256 });
    if (!req.print) {
      await record();
      return view;
    }
    try {
      const job = await this.call('print.forms.print', { form: req.form, data });
      return { ...view, printed: { printer: job.printer, jobId: job.jobId } };
    } catch (err) {
      // The form is archived whatever the printer does; say why it did not print.
      await record();
      if (err instanceof CounterError) return { ...view, printError: { code: err.code, vi: err.messages.vi, en: err.messages.en } };
      throw err;
    }
  }

  private async formData(
    req: { dossierId?: string; draftId?: string },
    officerName: string,
    knownProcedure?: Procedure,
    knownDossier?: Dossier,
  ): Promise<FormDataInput> {
    const settings = this.settings.get();
    if (req.dossierId) {
      const dossier = knownDossier ?? (await this.call('dossiers.get', { id: req.dossierId, reason: 'In biểu mẫu / printing a form' }));
      const procedure = knownProcedure ?? (await this.call('procedures.get', { code: dossier.procedureCode }).catch(() => undefined));
      return formDataFromDossier(dossier, settings, { procedure, officerName });
    }
    if (!req.draftId) throw ReceptionErrors.raise('RECEPTION_NEEDS_TARGET');
    const draft = this.drafts.get(req.draftId);
    if (!draft.applicant) throw ReceptionErrors.raise('RECEPTION_NO_APPLICANT');
    if (!draft.procedureCode) throw ReceptionErrors.raise('RECEPTION_NO_PROCEDURE');
    const procedure = await this.call('procedures.get', { code: draft.procedureCode });
    const now = new Date().toISOString();
    // A reception that is not accepted has no dossier code yet; the form says so.
    const transient: Dossier = {
      id: draft.id,
      provisionalCode: 'Chưa cấp mã',
      officialCode: null,
      agencyCode: settings.agency.code,
      counterId: settings.agency.counterId,
      procedureCode: procedure.code,
      procedureName: procedure.name,
      channel: 'direct',
      applicant: { identity: draft.applicant, trust: draft.applicantTrust ?? 'manual', phone: draft.phone },
      owner: null,
      summary: draft.note,
      status: 1,
      receivedAt: now,
      dueAt: null,
      acceptedBy: null,
      provinceConfirmedAt: null,
      components: procedure.components.flatMap((c, i) => {
        const got = draft.received[componentKey(i)];
        return got ? [{ id: componentKey(i), code: c.code, name: c.name, ...got, pages: [] }] : [];
      }),
      statusHistory: [],
      forms: [],
    };
    const data = formDataFromDossier(transient, settings, { procedure, officerName });
    return { ...data, receivedAt: vietnamWallClock(now), appointmentAt: undefined, fee: undefined, book: { volume: '', number: '' } };
  }
}
