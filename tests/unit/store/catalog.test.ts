import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { parseCsv, toCsv } from '../../../src-main/domain/procedure/csv.ts';
import { parseCatalog } from '../../../src-main/domain/procedure/catalog-import.ts';
import { checklistFor, processingTimeFor } from '../../../src-main/domain/procedure/procedure.ts';

describe('CSV parser', () => {
  it('round-trips any table of strings', () => {
    const cell = fc.string({ maxLength: 12 });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }), (rows) => {
        const back = parseCsv(toCsv(rows));
        expect(back.error).toBeUndefined();
        expect(back.rows).toEqual(rows.filter((r) => !(r.length === 1 && r[0] === '')));
      }),
    );
  });

  it('handles BOM, CRLF, quotes and reports an unterminated quote', () => {
    expect(parseCsv('\uFEFFa,"b ""x"", c"\r\n1,2\n').rows).toEqual([['a', 'b "x", c'], ['1', '2']]);
    expect(parseCsv('a,"open\n').error).toMatch(/unterminated/);
  });
});

describe('catalogue import', () => {
  it('imports the shipped sample catalogue without rejects, in both formats', () => {
    const json = parseCatalog(readFileSync('fixtures/procedures/commune-sample.json', 'utf8'), 'json');
    expect(json.rejected).toEqual([]);
    expect(json.valid.length).toBeGreaterThanOrEqual(10);
    expect(new Set(json.valid.map((p) => p.field.name))).toEqual(new Set(['Hộ tịch', 'Chứng thực', 'Bảo trợ xã hội', 'Đất đai']));
    const fromNotes = json.valid.find((p) => p.code === '2.000908')!;
    expect(fromNotes).toMatchObject({ sample: false, sameDayCutoff: '15:00' });
    const csv = parseCatalog(readFileSync('fixtures/procedures/commune-sample.csv', 'utf8'), 'csv');
    expect(csv.rejected).toEqual([]);
    expect(csv.valid.map((p) => p.code)).toEqual(json.valid.slice(0, csv.valid.length).map((p) => p.code));
  });

  it('keeps good rows and explains each rejected one', () => {
    const csv = [
      'code,name,field,time_value,time_unit,fees,components',
      '1.000001,Thủ tục tốt,Hộ tịch,3,ngày làm việc,Lệ phí=10.000,Tờ khai|1|0|0',
      '1.2,Mã sai,Hộ tịch,3,working-days,,',
      '1.000003,Đơn vị sai,Hộ tịch,3,tuần,,',
      '1.000004,Lệ phí sai,Hộ tịch,3,working-days,Lệ phí,',
      '1.000001,Trùng mã,Hộ tịch,3,working-days,,',
      '1.000006,Thời hạn âm,Hộ tịch,-1,working-hours,,',
    ].join('\n');
    const r = parseCatalog(csv, 'csv');
    expect(r.valid.map((p) => p.code)).toEqual(['1.000001']);
    expect(r.valid[0]!.fees[0]!.amountVnd).toBe(10000);
    expect(r.rejected.map((x) => x.row)).toEqual([3, 4, 5, 6, 7]);
    expect(r.rejected[0]!.errors.join()).toMatch(/code/);
    expect(r.rejected[1]!.errors.join()).toMatch(/time_unit/);
    expect(r.rejected[2]!.errors.join()).toMatch(/fees/);
    expect(r.rejected[3]!.errors.join()).toMatch(/duplicate/);
    expect(r.rejected[4]!.errors.join()).toMatch(/processingTime/);
  });

  it('reports files that are not a catalogue at all', () => {
    expect(parseCatalog('{nope', 'json').rejected[0]!.errors[0]).toMatch(/not valid JSON/);
    expect(parseCatalog('{"x":1}', 'json').rejected[0]!.errors[0]).toMatch(/expected an array/);
    expect(parseCatalog('code,name\n1.000001,x', 'csv').rejected[0]!.errors[0]).toMatch(/missing column/);
    expect(parseCatalog('', 'csv').rejected[0]!.errors[0]).toMatch(/empty/);
    fc.assert(
      fc.property(fc.string(), (t) => {
        parseCatalog(t, 'csv');
        parseCatalog(t, 'json');
      }),
    );
  });

  it('gives per-channel time limits and checklists', () => {
    const [p] = parseCatalog(readFileSync('fixtures/procedures/commune-sample.json', 'utf8'), 'json').valid.filter((x) => x.code === '2.000815');
    expect(processingTimeFor(p!, 'direct')).toEqual({ value: 8, unit: 'working-hours' });
    expect(checklistFor(p!, 'direct').map((c) => c.need.originals)).toEqual([1, 0]);
    expect(checklistFor(p!, 'online')).toEqual([]);
  });
});
