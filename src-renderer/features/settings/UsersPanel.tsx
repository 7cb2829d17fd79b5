import { useState, type FormEvent } from 'react';
import { useCall } from '../../app/use-call.ts';
import { useClient } from '../../app/client-context.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useMessages } from '../../i18n/messages.ts';
import type { CounterError } from '../../../src-main/contract/errors.ts';
import { ROLE_NAMES, ROLES, type Role, type User } from '../../../src-main/contract/users.ts';
import { ErrorText } from '../../ui/ErrorText.tsx';
import { settingsMsgs } from './settings-messages.ts';
import { asCounterError } from '../../ui/use-settings-section.ts';
import { formatDateTime } from '../../../src-main/domain/vn-date.ts';

const EMPTY = { username: '', displayName: '', role: 'officer' as Role, password: '' };

/** Accounts of this counter: officers, health staff, IT admins — create, (de)activate, reset password. */
export function UsersPanel() {
  const t = useMessages(settingsMsgs);
  const { pick } = useI18n();
  const client = useClient();
  const users = useCall('users.list', {});
  const [draft, setDraft] = useState(EMPTY);
  const [resetFor, setResetFor] = useState<User>();
  const [newPassword, setNewPassword] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<CounterError>();

  const run = async (action: () => Promise<unknown>, done: string) => {
    setError(undefined);
    setNote('');
    try {
      await action();
      setNote(done);
      users.reload();
      return true;
    } catch (err) {
      setError(asCounterError(err));
      return false;
    }
  };
  const create = async (e: FormEvent) => {
    e.preventDefault();
    if (await run(() => client.call('users.create', draft), t('users.created'))) setDraft(EMPTY);
  };
  const reset = async (e: FormEvent) => {
    e.preventDefault();
    if (!resetFor) return;
    if (await run(() => client.call('users.setPassword', { id: resetFor.id, password: newPassword }), t('users.passwordSet'))) {
      setResetFor(undefined);
      setNewPassword('');
    }
  };

  return (
    <div className="card" data-testid="users-panel">
      <h2>{t('users.title')}</h2>
      <table className="table">
        <thead>
          <tr><th>{t('users.username')}</th><th>{t('users.displayName')}</th><th>{t('users.role')}</th><th>{t('users.state')}</th><th>{t('users.lastLogin')}</th><th /></tr>
        </thead>
        <tbody>
          {users.data?.length === 0 && <tr><td colSpan={6} className="muted">{t('users.none')}</td></tr>}
          {users.data?.map((u) => (
            <tr key={u.id}>
              <td className="mono">{u.username}</td>
              <td>{u.displayName}</td>
              <td>{pick(ROLES[u.role])}</td>
              <td className={u.active ? 'device-ready' : 'device-offline'}>{u.active ? t('users.active') : t('users.inactive')}</td>
              <td>{u.lastLoginAt ? formatDateTime(new Date(u.lastLoginAt)) : t('never')}</td>
              <td style={{ display: 'flex', gap: 6 }}>
                <button type="button" onClick={() => void run(() => client.call('users.setActive', { id: u.id, active: !u.active }), t('saved'))}>
                  {u.active ? t('users.deactivate') : t('users.activate')}
                </button>
                <button type="button" onClick={() => setResetFor(u)}>{t('users.reset')}</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {resetFor && (
        <form onSubmit={reset} style={{ display: 'flex', gap: 8, alignItems: 'end' }}>
          <label>
            {t('users.newPassword')} {resetFor.username}
            <input type="password" autoComplete="new-password" autoFocus value={newPassword} onChange={(e) => setNewPassword(e.target.value)} />
          </label>
          <button type="submit" disabled={newPassword === ''}>{t('users.reset')}</button>
          <button type="button" onClick={() => setResetFor(undefined)}>{t('cancel')}</button>
        </form>
      )}
      <form onSubmit={create} style={{ display: 'grid', gridTemplateColumns: 'repeat(4, 1fr) auto', gap: 8, alignItems: 'end' }} data-testid="user-create">
        <label>{t('users.username')}<input value={draft.username} onChange={(e) => setDraft({ ...draft, username: e.target.value })} /></label>
        <label>{t('users.displayName')}<input value={draft.displayName} onChange={(e) => setDraft({ ...draft, displayName: e.target.value })} /></label>
        <label>
          {t('users.role')}
          <select value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.target.value as Role })}>
            {ROLE_NAMES.map((r) => <option key={r} value={r}>{pick(ROLES[r])}</option>)}
          </select>
        </label>
        <label>{t('users.password')}<input type="password" autoComplete="new-password" value={draft.password} onChange={(e) => setDraft({ ...draft, password: e.target.value })} /></label>
        <button type="submit" disabled={!draft.username || !draft.displayName}>{t('users.create')}</button>
      </form>
      {note && !error && <p role="status">{note}</p>}
      <ErrorText error={error ?? users.error} />
    </div>
  );
}
