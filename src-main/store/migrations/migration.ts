import type Database from 'better-sqlite3';

/**
 * One numbered schema step. Areas own number ranges (store 0001–0019, outbox 0020–0029, identity
 * 0030–0039, scanning 0040–0049, printing 0050–0059, signatures 0060–0069) and export their own
 * arrays from their feature; feature-list.ts collects them into the one list `openStore` runs in id order.
 */
export interface Migration {
  id: number;
  name: string;
  up(db: Database.Database): void;
}
