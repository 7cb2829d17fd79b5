import { z } from 'zod';
import { method } from './method.ts';

/** Who works at the counter: reception officers, commune health-station staff, and IT admins. */
export const ROLES = {
  officer: { vi: 'Cán bộ một cửa', en: 'Counter officer' },
  health: { vi: 'Nhân viên trạm y tế', en: 'Health-station staff' },
  'it-admin': { vi: 'Quản trị CNTT', en: 'IT admin' },
} as const;
export type Role = keyof typeof ROLES;
export const ROLE_NAMES = Object.keys(ROLES) as Role[];

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


export const RoleSchema = z.enum(['officer', 'health', 'it-admin']) satisfies z.ZodType<Role>;
export const User = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  active: z.boolean(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});
export type User = z.infer<typeof User>;

export const AuditAction = z.enum(AUDIT_ACTIONS);
export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  userId: z.string().nullable(),
  action: AuditAction,
  subject: z.string(),
  reason: z.string(),
  details: z.unknown().optional(),
});

const Username = z.string().trim().min(2).max(64).regex(/^[A-Za-z0-9._-]+$/);

export const usersMethods = {
  'users.list': method({ summary: 'List user accounts', input: z.object({}), output: z.array(User) }),
  'users.create': method({
    summary: 'Create a user (password hashed with scrypt)',
    input: z.object({ username: Username, displayName: z.string().trim().min(1).max(100), role: RoleSchema, password: z.string().max(200) }),
    output: User,
  }),
  'users.setPassword': method({ summary: 'Set a user password', input: z.object({ id: z.string(), password: z.string().max(200) }), output: z.object({ ok: z.literal(true) }) }),
  'users.setActive': method({ summary: 'Enable or disable a user', input: z.object({ id: z.string(), active: z.boolean() }), output: User }),
  'users.login': method({ summary: 'Check a user name and password', input: z.object({ username: z.string(), password: z.string().max(200) }), output: User }),
  'audit.list': method({
    summary: 'Read the audit log, newest first',
    input: z.object({
      subject: z.string().optional(),
      userId: z.string().optional(),
      action: AuditAction.optional(),
      limit: z.number().int().min(1).max(1000).default(100),
      offset: z.number().int().min(0).default(0),
    }),
    output: z.array(AuditEntry),
  }),
};
