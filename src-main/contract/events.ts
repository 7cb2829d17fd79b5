import { z } from 'zod';
import { CoreStatus } from './status.ts';
import { Device } from './devices.ts';
import { Settings } from './settings.ts';
import { IdentityRead, IdentityReadFailed, ReaderState } from './idread.ts';
import { CheckIn } from './health.ts';
import { cardEvents } from './card.ts';
import { ScanSession } from './scan.ts';
import { SigningProgress } from './signing.ts';

/** Everything the core pushes to its clients. Payloads are validated before they are sent. */
export const events = {
  'status.changed': CoreStatus,
  'devices.changed': z.array(Device),
  'settings.changed': Settings,
  'identity.read': IdentityRead,
  'identity.readFailed': IdentityReadFailed,
  'identity.readersChanged': z.array(ReaderState),
  'health.changed': CheckIn,
  ...cardEvents,
  'scan.changed': ScanSession,
  'signing.progress': SigningProgress,
};
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.infer<Events[E]>;
