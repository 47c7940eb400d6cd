import { describe, expect, it } from 'vitest';
import { emit } from './events';

describe('emit', () => {
  it('dispatches a namespaced, bubbling, composed event with its detail', () => {
    const target = new EventTarget();
    const seen: Event[] = [];
    target.addEventListener('entryrate:completed', (e) => seen.push(e));
    emit(target, 'completed', { orderId: 'ord_1', amount: 2400, currency: 'gbp' });
    const [event] = seen;
    expect(event).toBeInstanceOf(CustomEvent);
    expect((event as CustomEvent).detail).toEqual({ orderId: 'ord_1', amount: 2400, currency: 'gbp' });
    expect(event?.bubbles).toBe(true);
    expect(event?.composed).toBe(true);
  });
});
