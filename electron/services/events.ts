/** Fan-out of service events to every listener (Electron windows, browser-host SSE clients, tests). */
import type { ApiEvents, EventName } from '../../shared/api/contract';

export type EventListener = (event: EventName, payload: ApiEvents[EventName]) => void;

export class EventHub {
  private listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(event: E, payload: ApiEvents[E]): void {
    for (const listener of this.listeners) listener(event, payload);
  }
}
