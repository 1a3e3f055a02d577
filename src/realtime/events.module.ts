import { Global, Module } from '@nestjs/common';

import { EventStore } from './event-store.service.js';
import { LiveSubjects } from './live-subjects.js';

/** What every writing module needs: the event store, and the registry of live subjects. */
@Global()
@Module({ providers: [EventStore, LiveSubjects], exports: [EventStore, LiveSubjects] })
export class EventsModule {}
