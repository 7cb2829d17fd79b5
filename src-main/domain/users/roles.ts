import type { Role } from '../../contract/users.ts';

export { ROLES, ROLE_NAMES, AUDIT_ACTIONS, ACTIONS_NEEDING_REASON, type Role, type AuditAction } from '../../contract/users.ts';

export type Permission = 'dossier.accept' | 'dossier.read' | 'health.read' | 'catalog.manage' | 'users.manage' | 'store.admin';

const GRANTS: Record<Role, readonly Permission[]> = {
  officer: ['dossier.accept', 'dossier.read'],
  health: ['health.read'],
  'it-admin': ['catalog.manage', 'users.manage', 'store.admin', 'dossier.read'],
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

