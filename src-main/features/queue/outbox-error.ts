/** Why a delivery attempt failed, as both outboxes keep it: the leased queue's error (code, reason, HTTP status, since when). */
export type { QueueError as OutboxError } from './leased-queue.ts';
