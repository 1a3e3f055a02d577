import { Module } from '@nestjs/common';

import { AuthModule } from '../auth/auth.module.js';
import { CollaborativesModule } from '../collaboratives/collaboratives.module.js';
import { CatchUpService } from './catch-up.service.js';
import { EventPruner } from './event-pruner.service.js';
import { EventsController } from './events.controller.js';
import { EventsReader } from './events-reader.service.js';
import { LiveGateway } from './live.gateway.js';
import { LiveLimits } from './live-limits.js';
import { LiveRooms } from './live-rooms.service.js';

/** Live delivery: the socket gateway, catch-up and pruning, fed by the events module's relay. */
@Module({
  imports: [AuthModule, CollaborativesModule],
  controllers: [EventsController],
  providers: [EventsReader, CatchUpService, LiveRooms, LiveLimits, LiveGateway, EventPruner],
  exports: [EventsReader],
})
export class LiveModule {}
