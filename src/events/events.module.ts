import { Global, Module } from '@nestjs/common';

import { EventRelay } from './event-relay.service.js';
import { EventStore } from './event-store.service.js';
import { LiveSubjects } from './live-subjects.js';

/**
 * What every writing module needs (the event store, the registry of live subjects) and
 * what every reader of committed events needs: the relay that tails the event store,
 * for the notifications worker and the live gateway alike.
 */
@Global()
@Module({ providers: [EventStore, LiveSubjects, EventRelay], exports: [EventStore, LiveSubjects, EventRelay] })
export class EventsModule {}
