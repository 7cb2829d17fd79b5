import { createHash, createPublicKey, sign, verify } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from '../../../domain/canonical-json.ts';
import { defineErrors } from '../../../contract/errors.ts';
import { keyFingerprint, openPrivateKey } from './config-bundle.ts';

export const UpdateErrors = defineErrors({
  UPDATE_FEED_INSECURE: {
    vi: 'Địa chỉ cập nhật phải bắt đầu bằng https:// . Cập nhật qua http:// có thể bị tráo tệp trên đường truyền nên bị từ chối.',
    en: 'The update address must start with https:// ; an http:// feed can be tampered with on the way and is refused.',
  },
  UPDATE_UNSIGNED: { vi: 'Bản cập nhật không có chữ ký của huyện nên không được cài.', en: 'The update carries no district signature and is not installed.' },
  UPDATE_BAD_SIGNATURE: {
    vi: 'Chữ ký của bản cập nhật không hợp lệ: tệp đã bị sửa hoặc không do huyện phát hành. Không cài đặt.',
    en: 'Invalid update signature: the file was changed or not issued by the district. Not installed.',
  },
  UPDATE_UNTRUSTED_KEY: {
    vi: 'Bản cập nhật được ký bằng khóa mà máy này không tin cậy (không phải khóa triển khai của huyện). Không cài đặt.',
    en: 'The update is signed with a key this PC does not trust (not the district rollout key). Not installed.',
  },
});

/** What the district signs for one installer: which app, which version, which bytes. */
export const UpdateStatement = z.object({
  app: z.literal('vn.gov.motcua.counter'),
  version: z.string().min(1),
  file: z.string().min(1),
  sha512: z.string().regex(/^[A-Za-z0-9+/]+=*$/),
});
export type UpdateStatement = z.infer<typeof UpdateStatement>;

/** `<installer>.sig` next to the installer in the feed. */
export const UpdateSignatureFile = z.object({
  statement: UpdateStatement,
  signature: z.object({ alg: z.literal('ed25519'), publicKey: z.string(), fingerprint: z.string(), value: z.string() }),
});
export type UpdateSignatureFile = z.infer<typeof UpdateSignatureFile>;

export const SIGNATURE_SUFFIX = '.sig';
/** A signature file is a few hundred bytes; anything much larger is not one. */
export const MAX_SIGNATURE_BYTES = 64 * 1024;

/** Only an https:// feed is ever asked for an update. */
export function checkFeedUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw UpdateErrors.raise('UPDATE_FEED_INSECURE', { url });
  }
  if (parsed.protocol !== 'https:') throw UpdateErrors.raise('UPDATE_FEED_INSECURE', { url });
  return parsed;
}

export const sha512Base64 = (bytes: Uint8Array): string => createHash('sha512').update(bytes).digest('base64');

/** Signs an installer with the district's rollout key (the same Ed25519 key as configuration files). */
export function signUpdate(installer: Uint8Array, meta: { version: string; file: string }, privateKeyPem: string, passphrase: string): UpdateSignatureFile {
  const key = openPrivateKey(privateKeyPem, passphrase);
  const publicKey = createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString();
  const statement: UpdateStatement = { app: 'vn.gov.motcua.counter', version: meta.version, file: meta.file, sha512: sha512Base64(installer) };
  const value = sign(null, Buffer.from(canonicalJson(statement)), key).toString('base64');
  return { statement, signature: { alg: 'ed25519', publicKey, fingerprint: keyFingerprint(publicKey), value } };
}

/**
 * Accepts the downloaded installer only when a key this PC trusts for rollout files signed exactly
 * these bytes for this version. Anything else throws a coded error and the file is not installed.
 */
export function verifyUpdate(installer: Uint8Array, signatureJson: unknown, expect: { version: string; trustedFingerprints: readonly string[] }): UpdateStatement {
  const parsed = UpdateSignatureFile.safeParse(signatureJson);
  if (!parsed.success) throw UpdateErrors.raise('UPDATE_UNSIGNED');
  const { statement, signature } = parsed.data;
  let fingerprint: string;
  let ok = false;
  try {
    fingerprint = keyFingerprint(signature.publicKey);
    ok = verify(null, Buffer.from(canonicalJson(statement)), createPublicKey(signature.publicKey), Buffer.from(signature.value, 'base64'));
  } catch {
    throw UpdateErrors.raise('UPDATE_BAD_SIGNATURE');
  }
  if (!ok) throw UpdateErrors.raise('UPDATE_BAD_SIGNATURE');
  if (!expect.trustedFingerprints.includes(fingerprint)) throw UpdateErrors.raise('UPDATE_UNTRUSTED_KEY', { fingerprint });
  if (statement.version !== expect.version || statement.sha512 !== sha512Base64(installer)) throw UpdateErrors.raise('UPDATE_BAD_SIGNATURE', { version: statement.version });
  return statement;
}

/** Fetches `<installer>.sig` from the (https) feed, bounded in size and time. */
export async function fetchUpdateSignature(installerUrl: string, fetcher: typeof fetch = fetch, timeoutMs = 15_000): Promise<unknown> {
  const url = checkFeedUrl(`${installerUrl}${SIGNATURE_SUFFIX}`);
  let res: Response;
  try {
    res = await fetcher(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
  } catch {
    throw UpdateErrors.raise('UPDATE_UNSIGNED', { url: url.href });
  }
  if (!res.ok) throw UpdateErrors.raise('UPDATE_UNSIGNED', { url: url.href, status: res.status });
  const body = Buffer.from(await res.arrayBuffer());
  if (body.length > MAX_SIGNATURE_BYTES) throw UpdateErrors.raise('UPDATE_UNSIGNED', { url: url.href });
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    throw UpdateErrors.raise('UPDATE_UNSIGNED', { url: url.href });
  }
}

/** The whole check for one downloaded file, as the updater runs it before installing. */
export async function checkDownloadedUpdate(installer: Uint8Array, installerUrl: string, expect: { version: string; trustedFingerprints: readonly string[] }, fetcher?: typeof fetch): Promise<UpdateStatement> {
  return verifyUpdate(installer, await fetchUpdateSignature(installerUrl, fetcher), expect);
}

/** The part of electron-updater's UpdateInfo the check needs. */
export interface OfferedUpdate {
  version: string;
  files: Array<{ url: string }>;
}

/**
 * A verifier in electron-updater's shape (`null` = accept, text = refuse): the file about to be
 * installed must carry the district's signature for the offered version. Runs whether or not the
 * build is Authenticode-signed (electron-updater skips its own check for unsigned builds).
 */
export function updateVerifier(opts: {
  feedUrl: string;
  offered: () => OfferedUpdate | undefined;
  trustedFingerprints: () => Promise<readonly string[]> | readonly string[];
  readFile: (path: string) => Promise<Uint8Array>;
  fetcher?: typeof fetch;
}): (downloadedFile: string) => Promise<string | null> {
  const base = checkFeedUrl(opts.feedUrl.endsWith('/') ? opts.feedUrl : `${opts.feedUrl}/`);
  return async (downloadedFile) => {
    try {
      const info = opts.offered();
      if (!info) throw UpdateErrors.raise('UPDATE_UNSIGNED');
      const file = info.files.find((f) => /\.(exe|AppImage|deb)$/i.test(f.url)) ?? info.files[0];
      if (!file) throw UpdateErrors.raise('UPDATE_UNSIGNED');
      const installerUrl = new URL(file.url, base).href;
      await checkDownloadedUpdate(await opts.readFile(downloadedFile), installerUrl, { version: info.version, trustedFingerprints: await opts.trustedFingerprints() }, opts.fetcher);
      return null;
    } catch (err) {
      const e = err as { code?: string; messages?: { vi: string; en: string } };
      return e.code ? `${e.code}: ${e.messages?.vi} / ${e.messages?.en}` : String(err);
    }
  };
}
