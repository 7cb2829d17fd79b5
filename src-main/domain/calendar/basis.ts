import type { LocalizedText } from '../../contract/errors.ts';
import type { PlanSource } from '../../contract/calendar.ts';
import { parseIsoDay, viDate } from './civil-day.ts';

/** The words the officer reads for why a day is not counted (or, for a Saturday, why it is). */

export const WEEKLY_BASIS: LocalizedText = { vi: 'ngày nghỉ hằng tuần', en: 'weekly rest day' };

export const ADMIN_BASIS: LocalizedText = {
  vi: 'bảng ngày nghỉ bù / làm bù của đơn vị (Cài đặt)',
  en: "the agency's table of swapped days (Settings)",
};

export const NOT_ANNOUNCED: LocalizedText = { vi: 'chưa có thông báo chính thức', en: 'no official announcement yet' };

/** "Văn bản 8726/VPCP-KGVX ngày 26/11/2024 của Văn phòng Chính phủ (…)". */
export function sourceTitle(s: PlanSource): LocalizedText {
  const n = parseIsoDay(s.issuedOn);
  const on = n === undefined ? s.issuedOn : viDate(n);
  return { vi: `${s.kind.vi} ${s.ref} ngày ${on} của ${s.issuer.vi}`, en: `${s.kind.en} ${s.ref} of ${on}, ${s.issuer.en}` };
}

const unannounced = (year: number, vi: string, en: string): LocalizedText => ({
  vi: `${vi}; năm ${year} ${NOT_ANNOUNCED.vi}`,
  en: `${en}; ${year}: ${NOT_ANNOUNCED.en}`,
});

/** A holiday of a year without an announced plan: the statutory day, placed by the lunar calendar. */
export const statutoryBasis = (year: number) =>
  unannounced(year, 'Bộ luật Lao động 2019, Điều 112 (ngày lễ, Tết; âm lịch)', 'Labour Code 2019 Art. 112 (holidays; lunar calendar)');

export const nationalDayExtraBasis = (year: number) =>
  unannounced(year, 'Bộ luật Lao động 2019, Điều 112 (01 ngày liền kề Quốc khánh)', 'Labour Code 2019 Art. 112 (day adjacent to National Day)');

export const compensatoryBasis = (year: number) =>
  unannounced(year, 'Bộ luật Lao động 2019, Điều 111 khoản 3 (nghỉ bù ngày lễ trùng ngày nghỉ hằng tuần)', 'Labour Code 2019 Art. 111.3 (holiday on a rest day)');
