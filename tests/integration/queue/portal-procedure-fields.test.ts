import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../src-main/store/store.ts';
import { syncMigrations } from '../../../src-main/features/queue/migrations/0020-outbox.ts';
import { StoreSource } from '../../../src-main/features/queue/store-source.ts';
import { OpenApiValidator } from '../../../src-main/reference-server/openapi-validator.ts';
import { acceptBirthRegistration } from './store-dossier.ts';

let dir: string;
let store: Store;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sync-portal-fields-'));
  store = openStore({ dataDir: join(dir, 'client'), migrations: syncMigrations, agency: () => ({ code: 'H56.14', counterId: '01' }) });
});
afterAll(() => {
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the dossier body takes the field and fees from the real catalogue (real SQLite store)', () => {
  it('sends MaLinhVuc, TenLinhVuc and DanhSachLePhi of the procedure, and the contract accepts the body', () => {
    store.procedures.upsert({
      code: '1.001193',
      name: 'Thủ tục đăng ký khai sinh',
      field: { code: 'HT', name: 'Hộ tịch' },
      processingTime: { value: 1, unit: 'working-days' },
      fees: [{ code: 'LP01', name: 'Lệ phí đăng ký khai sinh', amountVnd: 8000 }],
    });
    const id = acceptBirthRegistration(store, 2000);
    const out = new StoreSource(store).outgoing(id);
    expect(out?.fields).toMatchObject({
      MaDonVi: 'H56.14',
      MaLinhVuc: 'HT',
      TenLinhVuc: 'Hộ tịch',
      DanhSachLePhi: [{ TenPhiLePhi: 'Lệ phí đăng ký khai sinh', MaPhiLePhi: 'LP01', Gia: 8000 }],
      DinhDanhCHS: [{ LoaiDinhDanh: '1', SoDinhDanh: '001090012345' }],
    });
    expect(new OpenApiValidator().check('HoSo', { ...out?.fields, TaiLieuNop: [] })).toEqual([]);
  });

  it('a procedure no longer in the catalogue still syncs, without field and fees', () => {
    store.db.prepare('DELETE FROM procedures').run();
    const out = new StoreSource(store).outgoing(acceptBirthRegistration(store, 1000));
    expect(out?.fields).not.toHaveProperty('MaLinhVuc');
    expect(out?.fields).not.toHaveProperty('DanhSachLePhi');
  });
});
