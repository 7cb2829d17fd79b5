/**
 * Text for the generated bench pages: Vietnamese administrative wording filled from small lists
 * by a seeded generator. Nothing in src-main reads these lists, so no OCR setting can be fitted
 * to them.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';

export type Rng = () => number;

/** A seeded generator of floats in [0, 1): the same pages on every machine for a seed. */
export function rng(seed: number): Rng {
  const g = xoroshiro128plus(seed);
  return () => uniformFloat64(g);
}

export const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const int = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pad = (n: number, w: number) => String(n).padStart(w, '0');

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Trịnh', 'Đinh'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Ngọc', 'Đức', 'Thu', 'Hữu', 'Quốc', 'Thanh', 'Xuân', 'Bảo', 'Kim', 'Gia'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Hương', 'Lan', 'Khôi', 'Nga', 'Phúc', 'Quỳnh', 'Sơn', 'Thảo', 'Tuấn', 'Uyên', 'Vy', 'Yến', 'Hiếu', 'Đạt', 'Trâm', 'Nhung', 'Lộc', 'Hạnh', 'Tùng', 'Ánh'];
const COMMUNES = ['xã Hòa Tiến', 'xã Tân Lập', 'phường Bến Nghé', 'xã Quảng Thành', 'thị trấn Phú Mỹ', 'xã Đông Hưng', 'xã Ea Kao', 'xã Nghĩa Đồng', 'phường Thủy Xuân', 'xã Mường Khương', 'xã Cẩm Thanh', 'xã Vĩnh Thạnh'];
const PROVINCES = ['tỉnh Thừa Thiên Huế', 'tỉnh Nghệ An', 'tỉnh Đắk Lắk', 'thành phố Hà Nội', 'tỉnh Quảng Ngãi', 'tỉnh Bến Tre', 'tỉnh Lào Cai', 'thành phố Đà Nẵng', 'tỉnh Quảng Nam', 'tỉnh Sóc Trăng'];
const PROCEDURES = ['đăng ký khai sinh', 'đăng ký kết hôn', 'chứng thực bản sao từ bản chính', 'đăng ký thường trú', 'cấp bản sao trích lục hộ tịch', 'xác nhận tình trạng hôn nhân', 'đăng ký khai tử', 'trợ cấp xã hội hằng tháng', 'đăng ký giám hộ', 'thay đổi, cải chính hộ tịch'];
const PAPERS = ['Giấy khai sinh (bản sao)', 'Căn cước công dân', 'Giấy chứng sinh', 'Sổ hộ khẩu (bản chụp)', 'Tờ khai theo mẫu', 'Giấy xác nhận cư trú', 'Ảnh 4x6', 'Giấy ủy quyền', 'Trích lục kết hôn', 'Đơn đề nghị'];
const NOTES = ['Bản chính', 'Bản sao', 'Bản chụp', 'Đã đối chiếu', 'Nộp thêm', '—'];
const TITLES = ['ĐƠN ĐỀ NGHỊ', 'TỜ KHAI ĐĂNG KÝ KHAI SINH', 'GIẤY TIẾP NHẬN HỒ SƠ', 'ĐƠN XIN XÁC NHẬN', 'BIÊN BẢN BÀN GIAO', 'TỜ KHAI ĐĂNG KÝ KẾT HÔN'];

export function person(r: Rng): string {
  return `${pick(r, SURNAMES)} ${pick(r, MIDDLE)} ${pick(r, GIVEN)}`;
}
export const date = (r: Rng) => `${pad(int(r, 1, 28), 2)}/${pad(int(r, 1, 12), 2)}/${int(r, 1950, 2025)}`;
export const idNumber = (r: Rng) => `0${pad(int(r, 1, 96), 2)}${int(r, 0, 3)}${pad(int(r, 0, 99), 2)}${pad(int(r, 0, 999999), 6)}`;
const address = (r: Rng) => `thôn ${pick(r, ['Yến Nê', 'Phú Sơn', 'Đông Hòa', 'Bình An', 'Tân Phú', 'Lộc Thọ'])}, ${pick(r, COMMUNES)}, ${pick(r, PROVINCES)}`;
const money = (r: Rng) => `${int(r, 1, 90) * 5}.000`;
export const commune = (r: Rng) => pick(r, COMMUNES);

export const HEADER = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'];
export const title = (r: Rng) => pick(r, TITLES);

/** Sentences of a letter or request (đơn), to be wrapped to the page width. */
export function letterSentences(r: Rng): string[] {
  const s = [
    `Kính gửi: Ủy ban nhân dân ${pick(r, COMMUNES)}, ${pick(r, PROVINCES)}.`,
    `Tôi tên là ${person(r)}, sinh ngày ${date(r)}, số định danh cá nhân ${idNumber(r)}.`,
    `Hiện cư trú tại ${address(r)}.`,
    `Tôi làm đơn này kính đề nghị Ủy ban nhân dân xem xét, giải quyết thủ tục ${pick(r, PROCEDURES)} cho ${pick(r, ['con tôi', 'gia đình tôi', 'bản thân tôi', 'mẹ tôi'])} là ${person(r)}.`,
    `Hồ sơ kèm theo gồm: ${pick(r, PAPERS).toLowerCase()}, ${pick(r, PAPERS).toLowerCase()} và ${int(r, 1, 4)} ảnh cỡ 4x6.`,
    `Thời hạn giải quyết là ${int(r, 1, 15)} ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ; lệ phí ${money(r)} đồng.`,
    'Tôi xin cam đoan những nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật về lời khai của mình.',
    `Làm tại ${pick(r, COMMUNES)}, ngày ${int(r, 1, 28)} tháng ${int(r, 1, 12)} năm ${int(r, 2020, 2026)}.`,
  ];
  return s.slice(0, int(r, 5, s.length));
}

/** Label and typed value of a form line (the value sits on a dotted line). */
export function formFields(r: Rng): Array<[string, string]> {
  const all: Array<[string, string]> = [
    ['Họ, chữ đệm, tên người yêu cầu:', person(r)],
    ['Số định danh cá nhân:', idNumber(r)],
    ['Ngày, tháng, năm sinh:', date(r)],
    ['Nơi cư trú:', address(r)],
    ['Quan hệ với người được khai sinh:', pick(r, ['mẹ', 'cha', 'ông nội', 'bà ngoại', 'anh ruột'])],
    ['Họ, chữ đệm, tên người được khai sinh:', person(r)],
    ['Giới tính:', pick(r, ['Nam', 'Nữ'])],
    ['Dân tộc:', pick(r, ['Kinh', 'Tày', 'Thái', 'Mường', 'Khmer', 'Ê Đê'])],
    ['Quốc tịch:', 'Việt Nam'],
    ['Nơi sinh:', `Trạm Y tế ${pick(r, COMMUNES)}`],
    ['Số điện thoại:', `09${pad(int(r, 0, 99999999), 8)}`],
  ];
  return all.slice(0, int(r, 7, all.length));
}

/** A list of dossier papers (thành phần hồ sơ): header row, then numbered rows. */
export function tableRows(r: Rng): string[][] {
  const rows = [['STT', 'Tên giấy tờ', 'Số lượng', 'Ghi chú']];
  const n = int(r, 4, 8);
  for (let i = 1; i <= n; i++) rows.push([String(i), pick(r, PAPERS), `${int(r, 1, 3)} bản`, pick(r, NOTES)]);
  return rows;
}
