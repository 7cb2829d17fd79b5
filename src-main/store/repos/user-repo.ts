import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { Role } from '../../domain/users/roles.ts';
import { StoreErrors } from '../store-errors.ts';
import { hashPassword, verifyPassword } from './password.ts';

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  active: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  active: number;
  created_at: string;
  last_login_at: string | null;
}

const toUser = (r: UserRow): User => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  active: r.active === 1,
  createdAt: r.created_at,
  lastLoginAt: r.last_login_at,
});

export const MIN_PASSWORD = 8;

export class UserRepository {
  private readonly st;

  constructor(db: Database.Database) {
    this.st = {
      insert: db.prepare(
        'INSERT INTO users (id, username, display_name, role, password_hash, active, created_at) VALUES (?, ?, ?, ?, ?, 1, ?)',
      ),
      byName: db.prepare('SELECT * FROM users WHERE username = ?'),
      byId: db.prepare('SELECT * FROM users WHERE id = ?'),
      list: db.prepare('SELECT * FROM users ORDER BY username'),
      setPassword: db.prepare('UPDATE users SET password_hash = ? WHERE id = ?'),
      setActive: db.prepare('UPDATE users SET active = ? WHERE id = ?'),
      setRole: db.prepare('UPDATE users SET role = ? WHERE id = ?'),
      loggedIn: db.prepare('UPDATE users SET last_login_at = ? WHERE id = ?'),
    };
  }

  create(input: { username: string; displayName: string; role: Role; password: string }, now: Date = new Date()): User {
    if (input.password.length < MIN_PASSWORD) throw StoreErrors.raise('PASSWORD_WEAK');
    if (this.st.byName.get(input.username)) throw StoreErrors.raise('USER_EXISTS', { username: input.username });
    const id = randomUUID();
    this.st.insert.run(id, input.username, input.displayName, input.role, hashPassword(input.password), now.toISOString());
    return this.get(id);
  }

  get(id: string): User {
    const row = this.st.byId.get(id) as UserRow | undefined;
    if (!row) throw StoreErrors.raise('USER_NOT_FOUND', { id });
    return toUser(row);
  }

  findByUsername(username: string): User | undefined {
    const row = this.st.byName.get(username) as UserRow | undefined;
    return row && toUser(row);
  }

  list(): User[] {
    return (this.st.list.all() as UserRow[]).map(toUser);
  }

  /** Checks a password; the same error for an unknown name, a wrong password and a disabled account. */
  authenticate(username: string, password: string, now: Date = new Date()): User {
    const row = this.st.byName.get(username) as UserRow | undefined;
    const ok = row !== undefined && verifyPassword(password, row.password_hash) && row.active === 1;
    if (!ok || !row) throw StoreErrors.raise('LOGIN_FAILED');
    this.st.loggedIn.run(now.toISOString(), row.id);
    return toUser({ ...row, last_login_at: now.toISOString() });
  }

  setPassword(id: string, password: string): void {
    if (password.length < MIN_PASSWORD) throw StoreErrors.raise('PASSWORD_WEAK');
    this.get(id);
    this.st.setPassword.run(hashPassword(password), id);
  }

  setActive(id: string, active: boolean): User {
    this.get(id);
    this.st.setActive.run(active ? 1 : 0, id);
    return this.get(id);
  }

  setRole(id: string, role: Role): User {
    this.get(id);
    this.st.setRole.run(role, id);
    return this.get(id);
  }
}
