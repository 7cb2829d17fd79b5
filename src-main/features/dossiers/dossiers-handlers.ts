import type { HandlersOf } from '../../rpc/handlers.ts';
import type { SettingsService } from '../../kernel/settings-service.ts';
import type { Store } from '../../store/store.ts';
import { searchDossiers } from '../../store/search-dossiers.ts';
import { purgeConfirmed } from '../../store/retention.ts';
import { backupStore } from '../../store/backup/backup.ts';
import { stageRestore } from '../../store/backup/restore.ts';
import { checkBlobs } from '../../store/check-blobs.ts';
import { readCounterRegistration } from '../../store/repos/counter-meta.ts';
import { parseCatalog } from '../../domain/procedure/catalog-import.ts';
import type { IdentityReads } from '../../kernel/identity-reads.ts';

export interface StoreDeps {
  store: Store;
  settings: SettingsService;
  keyKind: string;
  identityReads: IdentityReads;
}

type StoreMethod =
  | 'dossiers.accept'
  | 'dossiers.get'
  | 'dossiers.list'
  | 'dossiers.search'
  | 'dossiers.setOfficialCode'
  | 'dossiers.changeStatus'
  | 'dossiers.recordForm'
  | 'dossiers.markProvinceConfirmed'
  | 'dossiers.indexPageText'
  | 'procedures.list'
  | 'procedures.get'
  | 'procedures.import'
  | 'users.list'
  | 'users.create'
  | 'users.setPassword'
  | 'users.setActive'
  | 'users.login'
  | 'audit.list'
  | 'store.status'
  | 'store.check'
  | 'store.backup'
  | 'store.restore'
  | 'store.purge';

/** Dossiers, procedures, users/audit and store maintenance: thin handlers over the store. */
export function storeHandlers({ store, settings, keyKind, identityReads }: StoreDeps): HandlersOf<StoreMethod> {
  const audit = store.audit;
  return {
    // Applicant and owner as the core can vouch for them: a claimed chip read it never saw is "typed".
    'dossiers.accept': (draft, ctx) =>
      store.dossiers.accept({
        ...draft,
        applicant: identityReads.assess(draft.applicant),
        owner: draft.owner && identityReads.assess(draft.owner),
        acceptedBy: draft.acceptedBy ?? ctx.userId,
      }),
    'dossiers.get': ({ id, reason }, ctx) => {
      const d = store.dossiers.get(id);
      audit.record({ userId: ctx.userId, action: 'read', subject: `dossier:${id}`, reason });
      return d;
    },
    'dossiers.list': ({ status, limit, offset }) => store.dossiers.list({ status, limit, offset }),
    'dossiers.search': ({ query, limit, offset }) =>
      query.trim() === ''
        ? { ...listAsSearch(store.dossiers.list({ limit, offset }), offset, limit), pagesPartial: false, tookMs: 0 }
        : searchDossiers(store, query, limit, offset),
    'dossiers.setOfficialCode': ({ id, code }) => store.dossiers.setOfficialCode(id, code),
    'dossiers.changeStatus': ({ id, status, note }, ctx) => store.dossiers.changeStatus(id, status, ctx.userId, note),
    'dossiers.recordForm': ({ id, form, sha256 }, ctx) => store.dossiers.recordForm(id, form, sha256, ctx.userId),
    'dossiers.markProvinceConfirmed': ({ id, at }) => store.dossiers.markProvinceConfirmed(id, at ? new Date(at) : undefined),
    'dossiers.indexPageText': ({ dossierId, componentId, pageNo, text }) => {
      store.search.indexPageText(dossierId, componentId, pageNo, text);
      return { ok: true as const };
    },
    'procedures.list': ({ field, includeInactive }) => store.procedures.list({ field, activeOnly: !includeInactive }),
    'procedures.get': ({ code }) => store.procedures.get(code),
    'procedures.import': ({ content, format, dryRun }, ctx) => {
      const { valid, rejected } = parseCatalog(content, format);
      if (!dryRun && valid.length > 0) {
        store.procedures.upsertMany(valid);
        audit.record({ userId: ctx.userId, action: 'catalog-import', subject: 'procedures', details: { imported: valid.length, rejected: rejected.length } });
      }
      return { imported: dryRun ? 0 : valid.length, rejected };
    },
    'users.list': () => store.users.list(),
    'users.create': (input, ctx) => {
      const user = store.users.create(input);
      audit.record({ userId: ctx.userId, action: 'user-change', subject: `user:${user.id}`, details: { created: user.username, role: user.role } });
      return user;
    },
    'users.setPassword': ({ id, password }, ctx) => {
      store.users.setPassword(id, password);
      audit.record({ userId: ctx.userId, action: 'user-change', subject: `user:${id}`, details: { password: 'changed' } });
      return { ok: true as const };
    },
    'users.setActive': ({ id, active }, ctx) => {
      const user = store.users.setActive(id, active);
      audit.record({ userId: ctx.userId, action: 'user-change', subject: `user:${id}`, details: { active } });
      return user;
    },
    'users.login': ({ username, password }) => {
      try {
        const user = store.users.authenticate(username, password);
        audit.record({ userId: user.id, action: 'login', subject: `user:${user.id}` });
        return user;
      } catch (err) {
        audit.record({ action: 'login-failed', subject: `username:${username}` });
        throw err;
      }
    },
    'audit.list': (q) => audit.list(q),
    'store.status': () => ({
      dbPath: store.dbPath,
      schemaVersion: store.db.pragma('user_version', { simple: true }) as number,
      dossiers: store.dossiers.list({ limit: 1, offset: 0 }).total,
      procedures: store.procedures.count(),
      blobs: store.blobs.list().length,
      keyKind,
      installation: { id: store.installation.id, tag: store.installation.tag },
      counterIdentity: counterIdentityOf(store),
    }),
    'store.check': ({ blobs }) => {
      const check = store.integrityCheck();
      const files = blobs ? checkBlobs(store.db, store.blobs) : { checked: 0, corrupt: [], missing: [] };
      const ok = check.ok && files.corrupt.length === 0 && files.missing.length === 0;
      return { ok, problems: check.problems, blobsChecked: files.checked, blobsCorrupt: files.corrupt, blobsMissing: files.missing };
    },
    'store.backup': async ({ file }, ctx) => {
      const report = await backupStore(store, file);
      audit.record({ userId: ctx.userId, action: 'backup', subject: `backup:${file}`, details: { dossiers: report.dossiers } });
      return report;
    },
    'store.restore': ({ file }, ctx) => {
      const report = stageRestore(store.dataDir, file, store.blobs, store.knownMigrations);
      audit.record({ userId: ctx.userId, action: 'restore', subject: `backup:${file}`, details: { dossiers: report.dossiers } });
      return report;
    },
    'store.purge': ({ dryRun }, ctx) => purgeConfirmed(store, settings.get().dossierStore.retentionDays, { dryRun, userId: ctx.userId }),
  };
}

function listAsSearch(page: { total: number; items: ReturnType<Store['dossiers']['list']>['items'] }, offset: number, limit: number) {
  return { items: page.items.map((s) => ({ ...s, matchedIn: 'dossier' as const })), hasMore: page.total > offset + limit };
}


function counterIdentityOf(store: Store) {
  const r = readCounterRegistration(store.db);
  return r ? { state: r.state, counterId: r.counterId, at: r.at, ...(r.reason ? { reason: r.reason } : {}) } : null;
}
