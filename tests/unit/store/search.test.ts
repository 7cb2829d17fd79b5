import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tempStore, draft } from './helpers.ts';
import { foldText } from '../../../src-main/domain/dossier/fold-text.ts';
import { buildQuery } from '../../../src-main/store/repos/search-index.ts';
import { searchDossiers } from '../../../src-main/store/search-dossiers.ts';
import type { Store } from '../../../src-main/store/store.ts';

let s: Store;
let cleanup: () => void;
const ids: Record<string, string> = {};

beforeAll(() => {
  ({ store: s, cleanup } = tempStore());
  const add = (key: string, name: string, idNumber: string, procedureName = 'Đăng ký khai sinh') => {
    const d = s.dossiers.accept({ ...draft({}, name, idNumber), procedureName });
    ids[key] = d.id;
    return d;
  };
  add('an', 'Nguyễn Văn An', '001085012345');
  add('dat', 'Đặng Văn Đạt', '031090000777', 'Chứng thực bản sao từ bản chính');
  add('anh', 'Nguyễn Thị Ánh', '001199000123', 'Đăng ký kết hôn');
  const ocr = add('ocr', 'Lê Văn Cường', '079080000555');
  s.search.indexPageText(ocr.id, ocr.components[0]!.id, 1, 'GIẤY CHỨNG SINH. Họ tên mẹ: NGUYỄN VĂN AN THỊ HOA; nơi sinh: Trạm Y tế xã Đồng Tâm');
});
afterAll(() => cleanup());

const found = (q: string) => s.search.query(q, 20).map((h) => h.dossierId);

describe('search', () => {
  it('finds names with or without diacritics and in any case, đ included', () => {
    for (const q of ['Nguyễn Văn An', 'nguyen van an', 'NGUYEN VAN AN', 'nguyễn văn an']) expect(found(q)[0], q).toBe(ids.an);
    for (const q of ['Đặng Văn Đạt', 'dang van dat', 'DANG VAN DAT']) expect(found(q), q).toEqual([ids.dat]);
    expect(found('nguyen thi anh')).toEqual([ids.anh]);
  });

  it('finds ID numbers by prefix, codes with punctuation, and procedure names', () => {
    expect(found('001085')).toEqual([ids.an]);
    expect(found('031090000777')).toEqual([ids.dat]);
    const code = s.dossiers.get(ids.dat!).provisionalCode!;
    expect(found(code)).toEqual([ids.dat]);
    expect(found('chung thuc ban sao')).toEqual([ids.dat]);
    expect(found('ket hon')).toEqual([ids.anh]);
  });

  it('finds OCR text as a phrase and ranks field matches above page matches', () => {
    expect(found('dong tam')).toEqual([ids.ocr]);
    expect(found('tram y te xa')).toEqual([ids.ocr]);
    const hits = s.search.query('nguyen van an', 20);
    expect(hits[0]).toMatchObject({ dossierId: ids.an, matchedIn: 'dossier' });
    expect(hits.find((h) => h.dossierId === ids.ocr)).toMatchObject({ matchedIn: 'page', pageNo: 1 });
  });

  it('replaces a page’s text when it is indexed again, and forgets removed dossiers', () => {
    const d = s.dossiers.get(ids.ocr!);
    s.search.indexPageText(d.id, d.components[0]!.id, 1, 'văn bản khác hẳn');
    expect(found('dong tam')).toEqual([]);
    expect(found('khac han')).toEqual([ids.ocr]);
  });

  it('pages through results with hasMore', () => {
    const r1 = searchDossiers(s, 'van', 1, 0);
    const r2 = searchDossiers(s, 'van', 1, 1);
    expect(r1.items).toHaveLength(1);
    expect(r1.hasMore).toBe(true);
    expect(r2.items[0]!.id).not.toBe(r1.items[0]!.id);
  });

  it('ignores FTS syntax in user input instead of failing', () => {
    for (const q of ['"', 'AND OR NOT', 'a*b"c', '(', 'NEAR(x y)', '-', '***']) expect(() => s.search.query(q, 5), q).not.toThrow();
    fc.assert(fc.property(fc.string({ maxLength: 40 }), (q) => void s.search.query(q, 5)), { numRuns: 200 });
    expect(buildQuery('  ')).toBeUndefined();
  });
});

describe('foldText', () => {
  it('folds every Vietnamese letter to plain ASCII', () => {
    expect(foldText('Ăn Ở Ư Đ Ê Ô Ơ Â ẫ ự ỵ ẻ')).toBe('an o u d e o o a a u y e');
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (t) => {
        const f = foldText(t);
        expect(foldText(f)).toBe(f);
        expect(f).toBe(f.toLowerCase());
        expect(/[\u0300-\u036fđ]/.test(f)).toBe(false);
      }),
    );
  });
});
