import type { Migration } from '../../../store/migrations/migration.ts';

/**
 * Health-station tables (identity area, numbers 0030–0039). The queue counter is its own row per
 * day so a number is taken in the same transaction as the check-in and never handed out twice.
 */
export const healthMigrations: Migration[] = [
  {
    id: 30,
    name: 'health-checkins',
    up(db) {
      db.exec(`
        CREATE TABLE health_queue_day (
          day TEXT PRIMARY KEY,
          last_number INTEGER NOT NULL
        );
        CREATE TABLE health_checkin (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          day TEXT NOT NULL,
          queue_number INTEGER NOT NULL,
          at TEXT NOT NULL,
          source_json TEXT NOT NULL,
          identity_json TEXT NOT NULL,
          lookup_number TEXT,
          card_json TEXT NOT NULL,
          card_status TEXT NOT NULL,
          UNIQUE (day, queue_number)
        );
        CREATE INDEX health_checkin_pending ON health_checkin (card_status) WHERE card_status = 'pending';
      `);
    },
  },
];
