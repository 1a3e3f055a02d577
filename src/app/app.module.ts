import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { ThrottlerModule } from '@nestjs/throttler';

import { AuthModule } from '../auth/auth.module.js';
import { ForumThrottlerGuard } from '../auth/guards/forum-throttler.guard.js';
import { JwtAuthGuard } from '../auth/guards/jwt-auth.guard.js';
import { RolesGuard } from '../auth/guards/roles.guard.js';
import { RejectBudget } from '../auth/reject-budget.js';
import { CollaborativesModule } from '../collaboratives/collaboratives.module.js';
import { Clock } from '../common/clock.js';
import { createValidationPipe } from '../common/validation.js';
import type { AppConfig } from '../config/app-config.js';
import { ConfigModule } from '../config/config.module.js';
import { ContentModule } from '../content/content.module.js';
import { EventsModule } from '../events/events.module.js';
import { LiveModule } from '../live/live.module.js';
import { MailModule } from '../mail/mail.module.js';
import { NotificationMailModule } from '../mail/notification-mail.module.js';
import { ModerationModule } from '../moderation/moderation.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { PracticesModule } from '../practices/practices.module.js';
import { SearchModule } from '../search/search.module.js';
import { ThreadsModule } from '../threads/threads.module.js';
import { UsersModule } from '../users/users.module.js';
import { DatabaseModule } from './database.module.js';
import { HealthModule } from './health/health.module.js';
import { MemoryThrottlerStorage } from './http/memory-throttler.storage.js';
import { NoUnexpectedBodyGuard } from './http/no-unexpected-body.guard.js';
import { ProblemDetailsFilter } from './http/problem-details.filter.js';
import { RedisThrottlerStorage } from './http/redis-throttler.storage.js';
import { SeedModule } from './seed/seed.module.js';

/** Instances that share a database share their request counts; others do not. */
function databaseName(databaseUrl: string): string {
  return decodeURIComponent(new URL(databaseUrl).pathname.slice(1)) || 'forum';
}

@Module({})
export class AppModule {
  static register(config: AppConfig, databaseUrl: string, clock: Clock = new Clock()): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config, clock),
        DatabaseModule.forRoot(databaseUrl),
        ScheduleModule.forRoot(),
        ThrottlerModule.forRoot({
          throttlers: [{ name: 'default', ttl: 60_000, limit: config.rateLimits.general }],
          // With several instances the counters must be shared, or each would allow the full limit.
          storage: config.redisUrl
            ? new RedisThrottlerStorage(config.redisUrl, databaseName(databaseUrl), clock)
            : new MemoryThrottlerStorage(clock),
        }),
        SeedModule,
        EventsModule,
        ContentModule,
        HealthModule,
        UsersModule,
        AuthModule,
        CollaborativesModule,
        LiveModule,
        NotificationsModule,
        ThreadsModule,
        SearchModule,
        PracticesModule,
        ModerationModule,
        MailModule,
        NotificationMailModule,
      ],
      providers: [
        RejectBudget,
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        // In this order: how often (by the token's signature alone, before any query), who
        // is calling, may they, and is the body one the route takes.
        { provide: APP_GUARD, useClass: ForumThrottlerGuard },
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
        { provide: APP_GUARD, useClass: NoUnexpectedBodyGuard },
      ],
    };
  }
}
