import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { rooms } from '../events/envelope.js';
import { LiveSubjects } from '../events/live-subjects.js';
import { AccessService } from './access.service.js';
import { Collaborative } from './collaborative.entity.js';
import { CollaborativesController } from './collaboratives.controller.js';
import { CollaborativesSeeder } from './collaboratives.seed.js';
import { CollaborativesService } from './collaboratives.service.js';
import { Follow } from './follow.entity.js';
import { FollowsController } from './follows.controller.js';
import { FollowsService } from './follows.service.js';
import { JoinRequest } from './join-request.entity.js';
import { JoinRequestsService } from './join-requests.service.js';
import { MembershipController } from './membership.controller.js';
import { Membership } from './membership.entity.js';
import { MembershipService } from './membership.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Collaborative, Membership, Follow, JoinRequest])],
  controllers: [CollaborativesController, MembershipController, FollowsController],
  providers: [
    AccessService,
    CollaborativesService,
    MembershipService,
    JoinRequestsService,
    FollowsService,
    CollaborativesSeeder,
  ],
  exports: [AccessService, CollaborativesService],
})
export class CollaborativesModule implements OnModuleInit {
  constructor(
    private readonly subjects: LiveSubjects,
    private readonly access: AccessService,
  ) {}

  onModuleInit(): void {
    this.subjects.register('collaborativeId', async (user, id) => {
      const access = await this.access.lookup(user, id);
      return access?.canRead ? { room: rooms.collaborative(id), collaborativeId: id } : null;
    });
  }
}
