import { z } from 'zod';
import { CoreStatus } from './status.ts';
import { Device } from './devices.ts';
import { Settings } from './settings.ts';
import { cardEvents } from './card.ts';
import { ScanSession } from './scan.ts';
import { SigningProgress } from './signing.ts';
import { IdentityRead, IdentityReadFailed, ReaderState } from './idread.ts';
import { CheckIn } from './health.ts';
import { QueueSummary } from './queue.ts';

/** Everything the core pushes to its clients. Payloads are validated before they are sent. */
export const events = {
  'status.changed': CoreStatus,
  'devices.changed': z.array(Device),
  'settings.changed': Settings,
  ...cardEvents,
  'scan.changed': ScanSession,
  'signing.progress': SigningProgress,
  'identity.read': IdentityRead,
  'identity.readFailed': IdentityReadFailed,
  'identity.readersChanged': z.array(ReaderState),
  'health.changed': CheckIn,
  'queue.changed': QueueSummary,
};
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.infer<Events[E]>;
