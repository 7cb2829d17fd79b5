import type { Core } from '../../../src-main/core.ts';
import type { MethodInput, MethodName, MethodOutput } from '../../../src-main/contract/methods.ts';
import type { ErrorBody } from '../../../src-main/contract/errors.ts';
import { samplePdf } from '../../sim/pki/sample-pdf.ts';

export const AGENCY = '000.00.31.H42';

/** Calls the core and returns the value, or throws the error body (so tests read like the renderer). */
export async function call<M extends MethodName>(core: Core, method: M, input: MethodInput<M>, userId?: string): Promise<MethodOutput<M>> {
  const r = await core.call(method, input, userId ? { userId } : undefined);
  if (!r.ok) throw Object.assign(new Error(`${r.error.code}: ${r.error.message.vi}`), { body: r.error });
  return r.value as MethodOutput<M>;
}

/** The error code a call fails with (undefined when it succeeds). */
export async function errorCode<M extends MethodName>(core: Core, method: M, input: unknown): Promise<string | undefined> {
  const r = await core.call(method, input);
  return r.ok ? undefined : (r.error as ErrorBody).code;
}

/** A born-digital PDF put through the real scan path (import → searchable PDF in the blob store). */
export async function storedPdf(core: Core, pages: number, label = 'component'): Promise<{ sha256: string; bytes: number }> {
  const session = await call(core, 'scan.open', {});
  const base64 = Buffer.from(await samplePdf(pages)).toString('base64');
  await call(core, 'scan.import', { sessionId: session.id, files: [{ name: `${label}.pdf`, base64 }] });
  const pdf = await call(core, 'scan.buildPdf', { sessionId: session.id, componentId: null });
  await call(core, 'scan.close', { sessionId: session.id });
  return { sha256: pdf.sha256, bytes: pdf.bytes };
}

/** An accepted dossier (status 2) with two scanned components and one paper-only component. */
export async function seedDossier(core: Core, name = 'Nguyễn Thị Lan') {
  await call(core, 'settings.set', { agency: { code: AGENCY, name: 'UBND xã Tân Lập' } });
  const a = await storedPdf(core, 2, 'a');
  const b = await storedPdf(core, 1, 'b');
  const page = (p: { sha256: string; bytes: number }) => [{ pageNo: 1, sha256: p.sha256, size: p.bytes, mime: 'application/pdf' }];
  // The core derives trust from reads it made itself: the applicant's card QR is read here.
  const identity = await call(core, 'identity.parse', { text: `001085012345|123456789|${name}|12031985|Nữ|Thôn 1, Xã Tân Lập|01072021`, hint: 'auto' });
  return call(core, 'dossiers.accept', {
    procedureCode: '1.001193',
    procedureName: 'Đăng ký khai sinh',
    applicant: { identity, trust: 'machine-read' },
    components: [
      { name: 'Tờ khai đăng ký khai sinh', originals: 1, pages: page(a) },
      { name: 'Giấy chứng sinh', originals: 1, pages: page(b) },
      { name: 'Giấy tờ tùy thân (xuất trình)', originals: 1, pages: [] },
    ],
    appointment: { dueAt: '2030-05-06T10:00:00+07:00' },
    acceptedBy: 'Trần Văn Bình',
  });
}
