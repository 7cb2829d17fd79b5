/** Who works at the counter: reception officers, commune health-station staff, and IT admins. */
export const ROLES = {
  officer: { vi: 'Cán bộ một cửa', en: 'Counter officer' },
  health: { vi: 'Nhân viên trạm y tế', en: 'Health-station staff' },
  'it-admin': { vi: 'Quản trị CNTT', en: 'IT admin' },
} as const;
export type Role = keyof typeof ROLES;
export const ROLE_NAMES = Object.keys(ROLES) as Role[];

export type Permission = 'dossier.accept' | 'dossier.read' | 'health.read' | 'catalog.manage' | 'users.manage' | 'store.admin';

const GRANTS: Record<Role, readonly Permission[]> = {
  officer: ['dossier.accept', 'dossier.read'],
  health: ['health.read'],
  'it-admin': ['catalog.manage', 'users.manage', 'store.admin', 'dossier.read'],
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

/** What the audit log records; read, print and export of personal data need a stated reason. */
export const AUDIT_ACTIONS = [
  'read',
  'print',
  'export',
  'login',
  'login-failed',
  'user-change',
  'purge',
  'backup',
  'restore',
  'catalog-import',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export const ACTIONS_NEEDING_REASON: ReadonlySet<AuditAction> = new Set(['read', 'print', 'export']);
