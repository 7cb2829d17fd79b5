import { describe, expect, it } from 'vitest';
import { EventBus } from '../../../src-main/rpc/event-bus.ts';

describe('EventBus.on', () => {
  it('hands a listener only its own event, with the payload the contract validated, until unsubscribed', () => {
    const bus = new EventBus();
    const tapped: string[] = [];
    const off = bus.on('card.tapped', (p) => void tapped.push(p.readerId));
    bus.emit('card.tapped', { readerId: 'r1' });
    bus.emit('devices.changed', []);
    off();
    bus.emit('card.tapped', { readerId: 'r2' });
    expect(tapped).toEqual(['r1']);
  });

  it('refuses a payload the contract does not describe before any listener sees it', () => {
    const bus = new EventBus();
    const seen: unknown[] = [];
    bus.on('card.tapped', (p) => void seen.push(p));
    expect(() => bus.emit('card.tapped', { readerId: 7 } as never)).toThrow();
    expect(seen).toEqual([]);
  });
});
