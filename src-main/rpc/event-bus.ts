import { events, type EventName, type EventPayload } from '../contract/events.ts';

export type EventListener = (event: EventName, payload: unknown) => void;

/** In-process fan-out of contract events to every connected transport. */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    const checked = events[event].parse(payload);
    for (const listener of this.listeners) listener(event, checked);
  }

  /** Listens to one event; the payload is typed by the contract (it was validated by `emit`). */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    return this.subscribe((name, payload) => {
      if (name === event) listener(payload as EventPayload<E>);
    });
  }

  /** Every event, for the transports that forward them all. */
  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
