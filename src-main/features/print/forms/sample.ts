import type { FormDataInput, FormKind } from '../../../contract/print.ts';

/**
 * A filled, synthetic view model (H99 is not a real province) for previews and test pages: every
 * field the forms print, with full diacritics.
 */
export function sampleFormData(kind: FormKind): FormDataInput {
  const base: FormDataInput = {
    agency: { parentName: 'UBND xã An Bình', name: 'Trung tâm Phục vụ hành chính công xã An Bình', place: 'An Bình', code: '000.05.12.H99', phone: '0210 3850 123' },
    applicant: { fullName: 'Nguyễn Thị Hồng Nhung', idNumber: '001190012345', address: 'Thôn Đông Hưng, xã An Bình', phone: '0912 345 678', email: '' },
    procedure: { code: '1.001193', name: 'Đăng ký khai sinh', processingTime: { value: 3, unit: 'working-days' } },
    components: [
      { name: 'Tờ khai đăng ký khai sinh theo mẫu', original: 1, certified: 0, copy: 0 },
      { name: 'Giấy chứng sinh', original: 1, certified: 0, copy: 0 },
      { name: 'Căn cước của người đi đăng ký', original: 0, certified: 0, copy: 1 },
    ],
    setCount: 1,
    receivedAt: '2026-03-02T09:40',
    appointmentAt: '2026-03-05T09:40',
    book: { volume: '01/2026', number: '0017' },
    dossierCode: '000.05.12.H99-260302-0017',
    provisional: false,
    fee: { amount: 8000, label: 'Lệ phí' },
    officer: { fullName: 'Trần Văn Đức', title: 'Công chức một cửa' },
    resultDelivery: 'Trung tâm Phục vụ hành chính công xã An Bình',
  };
  if (kind === 'supplement') base.supplement = { items: [{ name: 'Giấy chứng sinh', reason: 'Bản nộp bị mờ, không đọc được ngày sinh' }] };
  if (kind === 'refusal') base.refusal = { reason: 'Thủ tục không thuộc thẩm quyền giải quyết của UBND cấp xã' };
  if (kind === 'control') {
    base.control = {
      steps: [
        { handedBy: 'Trung tâm PVHCC xã', receivedBy: 'Công chức Tư pháp - Hộ tịch', at: '2026-03-02T10:15', result: 'on-time', note: '' },
      ],
    };
  }
  return base;
}
