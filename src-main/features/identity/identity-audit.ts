import { createHmac } from 'node:crypto';
import type { EventBus } from '../../rpc/event-bus.ts';
import type { AuditLog } from '../../store/repos/audit-log.ts';
import type { Identity } from '../../contract/identity.ts';

/**
 * A stable pseudonym for a person in the audit log: the ID number itself is never written there.
 * Keyed with a per-installation secret (HMAC-SHA-256), because a 12-digit ID number has so few
 * values that a plain hash is reversed by hashing them all.
 */
export function personRef(identity: Identity, secret: Buffer): string {
  const key = identity.idNumber ?? identity.insurance?.cardNumber ?? identity.documentNumber ?? '';
  return key ? `person:${createHmac('sha256', secret).update(key).digest('hex').slice(0, 32)}` : 'person:unknown';
}

/** The secret behind personRef: derived from the data key, so it is per installation and survives a restore. */
export const PSEUDONYM_KEY_PURPOSE = 'audit-pseudonym-v1';

/**
 * Every chip or QR read at the counter is a read of personal data: record who/when/what/why in the
 * audit log (the source and kind, and a pseudonym of the person — never the card's contents).
 */
export function auditIdentityReads(bus: EventBus, audit: AuditLog, secret: Buffer, log: (message: string, fields?: Record<string, unknown>) => void): () => void {
  const record = (entry: Parameters<AuditLog['record']>[0]) => {
    try {
      audit.record(entry);
    } catch (err) {
      log('audit of an identity read failed', { error: err instanceof Error ? err.message : String(err) });
    }
  };
  const offCard = bus.on('card.read', (r) =>
    record({ action: 'read', subject: personRef(r.identity, secret), reason: 'Đọc chip thẻ căn cước tại quầy / chip ID card read at the counter', details: { source: 'chip', reader: r.readerId, authenticity: r.authenticity.result } }),
  );
  const offQr = bus.on('identity.read', (r) =>
    record({ action: 'read', subject: personRef(r.identity, secret), reason: 'Đọc mã QR / MRZ giấy tờ tùy thân tại quầy / ID QR or MRZ read at the counter', details: { source: r.identity.kind, driver: r.source.driver, device: r.source.deviceId } }),
  );
  return () => {
    offCard();
    offQr();
  };
}
