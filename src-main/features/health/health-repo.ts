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
  add(day: string, at: string, source: ReadSource, identity: Identity, lookupNumber: string | undefined, card: CardCheck): CheckIn {
    const tx = this.db.transaction(() => {
      const { last_number } = this.db
        .prepare(`INSERT INTO health_queue_day (day, last_number) VALUES (?, 1)
                  ON CONFLICT (day) DO UPDATE SET last_number = last_number + 1 RETURNING last_number`)
        .get(day) as { last_number: number };
      const info = this.db
        .prepare(`INSERT INTO health_checkin (day, queue_number, at, source_json, identity_json, lookup_number, card_json, card_status)
                  VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(day, last_number, at, JSON.stringify(source), JSON.stringify(identity), lookupNumber ?? null, JSON.stringify(card), card.status);
      return Number(info.lastInsertRowid);
    });
    return this.get(tx()) as CheckIn;
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
