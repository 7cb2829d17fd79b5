import { afterEach, describe, expect, it } from 'vitest';
import { tempStore, draft } from './helpers.ts';
import { purgeConfirmed } from '../../../src-main/store/retention.ts';
import { hashPassword, verifyPassword } from '../../../src-main/store/repos/password.ts';
import { can } from '../../../src-main/domain/users/roles.ts';

let cleanups: Array<() => void> = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
});
const open = () => {
  const t = tempStore();
  cleanups.push(t.cleanup);
  return t.store;
};

describe('users', () => {
  it('hashes with scrypt (salted) and checks passwords', () => {
    const h1 = hashPassword('mật khẩu 123');
    expect(h1).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(hashPassword('mật khẩu 123')).not.toBe(h1);
    expect(verifyPassword('mật khẩu 123', h1)).toBe(true);
    expect(verifyPassword('mật khẩu 124', h1)).toBe(false);
    expect(verifyPassword('x', 'garbage')).toBe(false);
  });

  it('creates users with roles, authenticates, disables', () => {
    const s = open();
    const u = s.users.create({ username: 'canbo1', displayName: 'Nguyễn Thị Hoa', role: 'officer', password: 'matkhau-dai' });
    expect(() => s.users.create({ username: 'CANBO1', displayName: 'x', role: 'officer', password: 'matkhau-dai' })).toThrow(/USER_EXISTS/);
    expect(() => s.users.create({ username: 'b', displayName: 'x', role: 'health', password: 'short' })).toThrow(/PASSWORD_WEAK/);
    expect(s.users.authenticate('canbo1', 'matkhau-dai').id).toBe(u.id);
    expect(() => s.users.authenticate('canbo1', 'sai')).toThrow(/LOGIN_FAILED/);
    expect(() => s.users.authenticate('nobody', 'matkhau-dai')).toThrow(/LOGIN_FAILED/);
    s.users.setActive(u.id, false);
    expect(() => s.users.authenticate('canbo1', 'matkhau-dai')).toThrow(/LOGIN_FAILED/);
    expect(can('officer', 'dossier.accept')).toBe(true);
    expect(can('health', 'dossier.accept')).toBe(false);
    expect(can('it-admin', 'users.manage')).toBe(true);
  });
});

describe('audit log', () => {
  it('records who, when, what and why, and requires a reason for personal data', () => {
    const s = open();
    const at = new Date('2026-03-02T02:40:00Z');
    s.audit.record({ userId: 'u1', action: 'print', subject: 'dossier:d1', reason: 'In giấy tiếp nhận' }, at);
    expect(() => s.audit.record({ userId: 'u1', action: 'export', subject: 'dossier:d1', reason: '  ' })).toThrow(/AUDIT_REASON_REQUIRED/);
    s.audit.record({ userId: 'u1', action: 'login', subject: 'user:u1' });
    const entries = s.audit.list({ subject: 'dossier:d1' });
    expect(entries).toEqual([{ id: 1, at: at.toISOString(), userId: 'u1', action: 'print', subject: 'dossier:d1', reason: 'In giấy tiếp nhận' }]);
    expect(() => s.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });
});

describe('retention purge', () => {
  it('purges only dossiers confirmed by the province more than N days ago', () => {
    const s = open();
    const page = s.blobs.put(Buffer.from('shared page'));
    const only = s.blobs.put(Buffer.from('own page'));
    const withPages = (sha: string[]) => draft({ components: [{ name: 'x', pages: sha.map((h, i) => ({ pageNo: i + 1, sha256: h, size: 1, mime: 'image/png' })) }] });
    const old = s.dossiers.accept(withPages([page.sha256, only.sha256]));
    const recent = s.dossiers.accept(withPages([page.sha256]));
    const never = s.dossiers.accept(draft({ receivedAt: '2000-01-01T00:00:00Z' }));
    const now = new Date('2026-06-01T00:00:00Z');
    s.dossiers.markProvinceConfirmed(old.id, new Date('2026-01-01T00:00:00Z'));
    s.dossiers.markProvinceConfirmed(recent.id, new Date('2026-05-25T00:00:00Z'));
    expect(purgeConfirmed(s, 0, { now }).purged).toEqual([]);
    expect(purgeConfirmed(s, 30, { now, dryRun: true }).purged.map((p) => p.id)).toEqual([old.id]);
    expect(s.dossiers.find(old.id)).toBeDefined();
    const r = purgeConfirmed(s, 30, { now, userId: 'admin' });
    expect(r.purged.map((p) => p.id)).toEqual([old.id]);
    expect(r.blobsDeleted).toBe(1);
    expect(s.dossiers.find(old.id)).toBeUndefined();
    expect(s.dossiers.find(recent.id)).toBeDefined();
    expect(s.dossiers.find(never.id)).toBeDefined();
    expect(s.blobs.has(page.sha256)).toBe(true);
    expect(s.blobs.has(only.sha256)).toBe(false);
    expect(s.audit.list({ action: 'purge' })).toHaveLength(1);
    expect(s.search.query(old.applicant.identity.idNumber!, 10).map((h) => h.dossierId)).not.toContain(old.id);
    expect(() => purgeConfirmed(s, -1)).toThrow(/RETENTION_INVALID/);
  });
});
