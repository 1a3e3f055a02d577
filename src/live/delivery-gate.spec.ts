import { describe, expect, test } from '@jest/globals';

import type { EventEnvelope } from '../events/envelope.js';
import { DeliveryGate } from './delivery-gate.js';

const event = (id: number): EventEnvelope => ({
  id: String(id),
  type: 'membership.changed',
  collaborativeId: null,
  createdAt: '',
  data: {},
});

describe('DeliveryGate', () => {
  test('live events offered during a catch-up follow it, without the ones it sent', async () => {
    const sent: string[] = [];
    const gate = new DeliveryGate((envelope) => sent.push(envelope.id));
    await gate.hold(async (send) => {
      gate.offer(event(2));
      send(event(1));
      send(event(2));
      gate.offer(event(3));
    });
    expect(sent).toEqual(['1', '2', '3']);
  });

  // Regression: the catch-up reads the table and can be ahead of the relay; the relay then
  // offers the same events after the hold ended, and they were sent twice, out of order.
  test('events the catch-up sent ahead of the relay are not sent again when the relay reaches them', async () => {
    const sent: string[] = [];
    const gate = new DeliveryGate((envelope) => sent.push(envelope.id));
    await gate.hold(async (send) => {
      for (const id of [5, 6, 7]) send(event(id));
    });
    for (const id of [6, 7, 8]) gate.offer(event(id));
    expect(sent).toEqual(['5', '6', '7', '8']);
  });
});
