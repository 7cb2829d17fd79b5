import type { Migration } from './migration.ts';
import { m0001 } from './0001-procedures-dossiers.ts';
import { m0002 } from './0002-search.ts';
import { m0003 } from './0003-users-audit.ts';

/** The store's own migrations (numbers 0001–0019). Features declare theirs (feature-list.ts collects them). */
export const storeMigrations: Migration[] = [m0001, m0002, m0003];
export type { Migration } from './migration.ts';
