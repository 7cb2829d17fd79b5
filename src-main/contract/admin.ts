import { z } from 'zod';
import { method } from './method.ts';
import { AnnouncedPlan } from './calendar.ts';
import { defineErrors } from './errors.ts';

/** Names of the credentials a counter may hold; their values never leave the core in clear text. */
export const SecretName = z.enum(['server.clientSecret', 'signing.tsaPassword', 'bhyt.password']);
export type SecretName = z.infer<typeof SecretName>;

export const EncryptedBlob = z.object({
  alg: z.literal('scrypt-aes-256-gcm'),
  salt: z.string(),
  iv: z.string(),
  tag: z.string(),
  data: z.string(),
});

/** The rollout file: the district's configuration, signed with the district key (Ed25519). */
export const ConfigBundle = z.object({
  format: z.literal('one-stop-counter/config'),
  version: z.literal(1),
  createdAt: z.string(),
  issuer: z.string(),
  settings: z.record(z.string(), z.unknown()),
  /** Grows with every file the district issues; a PC refuses a file not newer than the last applied. */
  sequence: z.number().int().nonnegative().optional(),
  /** Hands trust over to a new district key; only honoured in a file signed by the key trusted now. */
  nextKey: z.object({ publicKey: z.string(), fingerprint: z.string() }).optional(),
  /** Secrets, encrypted with a passphrase the district tells each commune separately. */
  secrets: EncryptedBlob.optional(),
  /**
   * Announced holiday plans (e.g. next year's, once the Prime Minister has approved it), each with its
   * legal sources. On import a plan replaces the one of the same year; other years are kept.
   */
  calendar: z.object({ plans: z.array(AnnouncedPlan).max(20) }).optional(),
  signature: z.object({ alg: z.literal('ed25519'), publicKey: z.string(), fingerprint: z.string(), value: z.string() }),
});
export type ConfigBundle = z.infer<typeof ConfigBundle>;

export const LogEntry = z.object({ at: z.string(), level: z.string(), message: z.string() }).passthrough();

export const adminMethods = {
  'secrets.status': method({
    summary: 'Which credentials are set (never their values)',
    input: z.object({}),
    output: z.array(z.object({ name: SecretName, set: z.boolean() })),
  }),
  'secrets.set': method({
    summary: 'Store or clear a credential in the OS key store',
    input: z.object({ name: SecretName, value: z.string().max(4096) }),
    output: z.object({ name: SecretName, set: z.boolean() }),
  }),
  'config.keygen': method({
    summary: 'Create the district signing key pair (private key encrypted with a passphrase)',
    input: z.object({ passphrase: z.string().min(8) }),
    output: z.object({ privateKeyPem: z.string(), publicKeyPem: z.string(), fingerprint: z.string() }),
  }),
  'config.export': method({
    summary: 'Export this configuration as a signed rollout file',
    input: z.object({
      privateKeyPem: z.string(),
      keyPassphrase: z.string(),
      /** Encrypts the credentials inside the file; without it they are left out. */
      secretsPassphrase: z.string().min(8).optional(),
      issuer: z.string().default(''),
      /** Defaults to the current time in milliseconds, so later exports are always newer. */
      sequence: z.number().int().positive().optional(),
      /** The new district key's public key, when this file hands trust over to it. */
      nextPublicKeyPem: z.string().optional(),
    }),
    output: ConfigBundle,
  }),
  'config.import': method({
    summary: 'Verify and apply a signed rollout file',
    input: z.object({
      bundle: z.unknown(),
      secretsPassphrase: z.string().optional(),
      /** The officer confirms the district key's fingerprint the first time. */
      trustFingerprint: z.string().optional(),
    }),
    output: z.object({ fingerprint: z.string(), sections: z.array(z.string()), secrets: z.array(SecretName) }),
  }),
  'diagnostics.export': method({
    summary: 'Logs, versions, devices and queue state for support — no personal data',
    input: z.object({ logLines: z.number().int().min(0).max(20_000).default(2000) }),
    output: z.object({ fileName: z.string(), json: z.string() }),
  }),
  'logs.tail': method({
    summary: 'The latest log lines',
    input: z.object({ lines: z.number().int().min(1).max(5000).default(200), level: z.enum(['info', 'warn', 'error']).optional() }),
    output: z.array(LogEntry),
  }),
};

export const RolloutErrors = defineErrors({
  ROLLOUT_BAD_FILE: { vi: 'Tệp cấu hình không đúng định dạng.', en: 'Not a configuration file.' },
  ROLLOUT_BAD_SIGNATURE: { vi: 'Chữ ký của tệp cấu hình không hợp lệ: tệp đã bị sửa hoặc không do huyện phát hành.', en: 'Invalid signature: the file was changed or not issued by the district.' },
  ROLLOUT_UNTRUSTED_KEY: { vi: 'Khóa ký của tệp chưa được tin cậy. Hãy đối chiếu dấu vân tay với bộ phận CNTT huyện rồi xác nhận.', en: 'The signing key is not trusted yet. Compare its fingerprint with the district IT and confirm.' },
  ROLLOUT_BAD_KEY: { vi: 'Khóa ký hoặc mật khẩu của khóa không đúng.', en: 'Wrong signing key or key passphrase.' },
  ROLLOUT_BAD_PASSPHRASE: { vi: 'Mật khẩu giải mã thông tin đăng nhập không đúng.', en: 'Wrong passphrase for the credentials.' },
  ROLLOUT_REPLAY: {
    vi: 'Tệp cấu hình này cũ hơn (hoặc trùng) tệp đã áp dụng trên máy này nên bị từ chối. Hãy xin tệp mới nhất từ bộ phận CNTT huyện.',
    en: 'This configuration file is not newer than the one already applied on this PC and is refused. Ask the district IT for the latest file.',
  },
  ROLLOUT_KEY_CHANGE_REFUSED: {
    vi: 'Tệp được ký bằng khóa khác với khóa huyện mà máy này đang tin cậy. Khóa chỉ được đổi qua một tệp ký bằng khóa cũ; hãy liên hệ bộ phận CNTT huyện.',
    en: 'The file is signed with a different key than the district key this PC trusts. The key changes only through a file signed by the old key; contact the district IT.',
  },
});

export const SecretErrors = defineErrors({
  SECRET_STORE_CORRUPT: {
    vi: 'Kho mật khẩu bị hỏng hoặc khóa không khớp. Hãy nhập lại thông tin đăng nhập máy chủ.',
    en: 'The secret store is damaged or its key does not match. Enter the server credentials again.',
  },
});
