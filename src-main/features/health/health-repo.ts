import type Database from 'better-sqlite3';
import { CheckIn, type CardCheck } from '../../contract/health.ts';
import type { Identity } from '../../contract/identity.ts';
import type { ReadSource } from '../../contract/idread.ts';

interface Row {
  id: number;
  day: string;
  queue_number: number;
  at: string;
  source_json: string;
  identity_json: string;
  lookup_number: string | null;
  card_json: string;
}

const toCheckIn = (r: Row): CheckIn =>
  CheckIn.parse({
    id: r.id,
    day: r.day,
    queueNumber: r.queue_number,
    at: r.at,
    source: JSON.parse(r.source_json),
    identity: JSON.parse(r.identity_json),
    lookupNumber: r.lookup_number ?? undefined,
    card: JSON.parse(r.card_json),
  });

/** Check-ins and the per-day queue counter (tables from health-migrations.ts). */
export class HealthRepository {
  constructor(private readonly db: Database.Database) {}

  /** Takes the day's next number and records the check-in in one transaction. */
  add(day: string, at: string, source: ReadSource, identity: Identity, lookupNumber: string | undefined, card: CardCheck): CheckIn & { repeat?: true } {
    const tx = this.db.transaction((): { id: number; repeat?: true } => {
      // One number per person per day: the same ID or BHYT number (from any card or QR) gets the
      // number already drawn, so a second scan at the desk does not push the patient down the queue.
      const earlier = this.sameDayCheckIn(day, [identity.idNumber, identity.insurance?.cardNumber, lookupNumber]);
      if (earlier !== undefined) return { id: earlier, repeat: true };
      const { last_number } = this.db
        .prepare(`INSERT INTO health_queue_day (day, last_number) VALUES (?, 1)
                  ON CONFLICT (day) DO UPDATE SET last_number = last_number + 1 RETURNING last_number`)
        .get(day) as { last_number: number };
      const info = this.db
        .prepare(`INSERT INTO health_checkin (day, queue_number, at, source_json, identity_json, lookup_number, card_json, card_status)
                  VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(day, last_number, at, JSON.stringify(source), JSON.stringify(identity), lookupNumber ?? null, JSON.stringify(card), card.status);
      return { id: Number(info.lastInsertRowid) };
    });
    const { id, repeat } = tx();
    const saved = this.get(id) as CheckIn;
    return repeat ? { ...saved, repeat } : saved;
  }

  private sameDayCheckIn(day: string, keys: Array<string | undefined>): number | undefined {
    const known = [...new Set(keys.filter((k): k is string => !!k))];
    if (known.length === 0) return undefined;
    const marks = known.map(() => '?').join(', ');
    const row = this.db
      .prepare(
        `SELECT id FROM health_checkin WHERE day = ? AND (lookup_number IN (${marks})
           OR json_extract(identity_json, '$.idNumber') IN (${marks})
           OR json_extract(identity_json, '$.insurance.cardNumber') IN (${marks}))
         ORDER BY queue_number LIMIT 1`,
      )
      .get(day, ...known, ...known, ...known) as { id: number } | undefined;
    return row?.id;
  }

  updateCard(id: number, card: CardCheck): CheckIn | undefined {
    this.db.prepare('UPDATE health_checkin SET card_json = ?, card_status = ? WHERE id = ?').run(JSON.stringify(card), card.status, id);
    return this.get(id);
  }

  get(id: number): CheckIn | undefined {
    const r = this.db.prepare('SELECT * FROM health_checkin WHERE id = ?').get(id) as Row | undefined;
    return r && toCheckIn(r);
  }

  ofDay(day: string): CheckIn[] {
    return (this.db.prepare('SELECT * FROM health_checkin WHERE day = ? ORDER BY queue_number DESC').all(day) as Row[]).map(toCheckIn);
  }

  pending(limit = 200): CheckIn[] {
    return (this.db.prepare("SELECT * FROM health_checkin WHERE card_status = 'pending' ORDER BY id LIMIT ?").all(limit) as Row[]).map(toCheckIn);
  }
}
