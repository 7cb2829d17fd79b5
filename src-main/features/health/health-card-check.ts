import type { CardCheck } from '../../contract/health.ts';
import { parseSlashDate } from '../../domain/identity/dates.ts';
import { httpFetch } from '../../platform/http.ts';
import { CardCheckErrors } from '../../contract/health.ts';

export interface CardCheckRequest {
  /** BHYT card number (15 or 10 characters) or the 12-digit personal ID. */
  maThe: string;
  hoTen: string;
  /** dd/MM/yyyy or yyyy, as the card prints it. */
  ngaySinh: string;
}

/** The answer fields of the BHXH "tra cứu thẻ" service as HIS integrations read them. */
export interface CardCheckResponse {
  maKetQua: string;
  ghiChu?: string;
  gtTheTu?: string;
  gtTheDen?: string;
  maDKBD?: string;
  maKV?: string;
  ngayDu5Nam?: string;
  maSoBHXH?: string;
}

const OK_CODES = new Set(['000', '004']);

/**
 * Asks the configured card-check service about one card. Throws CARD_CHECK_UNREACHABLE on network
 * failure or timeout (the caller keeps the check-in pending), never with personal data attached.
 */
export async function checkCard(url: string, req: CardCheckRequest, timeoutMs: number, today: string): Promise<CardCheck> {
  if (!url) throw CardCheckErrors.raise('CARD_CHECK_NOT_CONFIGURED');
  let res: Response;
  try {
    res = await httpFetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(req),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch {
    throw CardCheckErrors.raise('CARD_CHECK_UNREACHABLE');
  }
  if (res.status >= 500) throw CardCheckErrors.raise('CARD_CHECK_UNREACHABLE', { status: res.status });
  let body: CardCheckResponse;
  try {
    body = (await res.json()) as CardCheckResponse;
  } catch {
    throw CardCheckErrors.raise('CARD_CHECK_BAD_RESPONSE', { status: res.status });
  }
  if (!body || typeof body.maKetQua !== 'string') throw CardCheckErrors.raise('CARD_CHECK_BAD_RESPONSE', { status: res.status });
  const validFrom = body.gtTheTu ? parseSlashDate(body.gtTheTu, false) : undefined;
  const validTo = body.gtTheDen ? parseSlashDate(body.gtTheDen, false) : undefined;
  // The service's OK code is not enough on its own: an expired card is refused at the desk.
  const inDates = (!validFrom || validFrom <= today) && (!validTo || today <= validTo);
  const status = OK_CODES.has(body.maKetQua) && inDates ? 'valid' : 'invalid';
  return {
    status,
    resultCode: body.maKetQua,
    message: body.ghiChu,
    validFrom,
    validTo,
    facilityCode: body.maDKBD?.replace(/[\s\-\u2013]/g, ''),
    checkedAt: new Date().toISOString(),
    attempts: 0,
  };
}
