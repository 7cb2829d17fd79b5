import type { FormKind, FormSet } from '../../../../contract/print.ts';

export interface FormSetEntry {
  number: string;
  title: string;
  /** "Mẫu số 01 – ban hành kèm theo …", printed small under the header. */
  basis: string;
}

/**
 * Form numbers and titles per legal form set. Data, not code: the 2025 circular renumbered the
 * control sheet (05 → 06) and a province may adjust the wording through `print.texts`
 * (keys `form.<kind>.number|title|basis`).
 */
export const FORM_SETS: Record<FormSet, Record<FormKind, FormSetEntry>> = {
  'TT01-2018': {
    receipt: { number: '01', title: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', basis: 'Mẫu số 01 – Thông tư số 01/2018/TT-VPCP ngày 23/11/2018' },
    supplement: { number: '02', title: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ', basis: 'Mẫu số 02 – Thông tư số 01/2018/TT-VPCP ngày 23/11/2018' },
    refusal: { number: '03', title: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ', basis: 'Mẫu số 03 – Thông tư số 01/2018/TT-VPCP ngày 23/11/2018' },
    control: { number: '05', title: 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ', basis: 'Mẫu số 05 – Thông tư số 01/2018/TT-VPCP ngày 23/11/2018' },
  },
  'TT03-2025': {
    receipt: { number: '01', title: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', basis: 'Mẫu số 01 – Thông tư số 03/2025/TT-VPCP' },
    supplement: { number: '02', title: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ', basis: 'Mẫu số 02 – Thông tư số 03/2025/TT-VPCP' },
    refusal: { number: '03', title: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ', basis: 'Mẫu số 03 – Thông tư số 03/2025/TT-VPCP' },
    control: { number: '06', title: 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ', basis: 'Mẫu số 06 – Thông tư số 03/2025/TT-VPCP' },
  },
};
