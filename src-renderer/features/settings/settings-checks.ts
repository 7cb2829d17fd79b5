import { SettingsUiErrors } from './settings-errors.ts';

/** Pure checks and parsers of the Settings screen (unit-tested without a browser). */

const HTTP_URL = /^https?:\/\/[^\s/?#]+\S*$/i;

/** An empty address is allowed (feature off); anything else must be an http(s) URL with a host. */
export function checkUrl(url: string) {
  return url === '' || HTTP_URL.test(url) ? undefined : SettingsUiErrors.raise('SETTINGS_BAD_URL', { url });
}

const CERT = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** Splits pasted text into PEM certificates; anything else in it makes the whole text invalid (undefined). */
export function splitPem(text: string): string[] | undefined {
  const certs = text.match(CERT) ?? [];
  const rest = text.replace(CERT, '').trim();
  return rest === '' ? certs.map((c) => c.trim()) : undefined;
}

/** Checks a new passphrase typed twice; the core also insists on 8 characters. */
export function checkNewPassphrase(a: string, b: string) {
  if (a.length < 8) return SettingsUiErrors.raise('SETTINGS_PASSPHRASE_SHORT');
  if (a !== b) return SettingsUiErrors.raise('SETTINGS_PASSPHRASE_MISMATCH');
  return undefined;
}

/** The last digits only: a device test needs to show the read worked, not the citizen's number. */
export function maskId(id: string | undefined): string {
  return id ? `${'•'.repeat(Math.max(0, id.length - 4))}${id.slice(-4)}` : '—';
}

/** The fingerprint the core reports with ROLLOUT_UNTRUSTED_KEY, if that is the error. */
export function untrustedFingerprint(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null || (err as { code?: unknown }).code !== 'ROLLOUT_UNTRUSTED_KEY') return undefined;
  const details = (err as { details?: unknown }).details;
  const fp = typeof details === 'object' && details !== null ? (details as { fingerprint?: unknown }).fingerprint : undefined;
  return typeof fp === 'string' ? fp : undefined;
}
