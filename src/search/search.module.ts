import { Module } from '@nestjs/common';

import { CollaborativesModule } from '../collaboratives/collaboratives.module.js';
import { SearchController } from './search.controller.js';
import { SearchService } from './search.service.js';

/** Full-text search across content. Best-practice posts join it in their issue. */
@Module({
  imports: [CollaborativesModule],
  controllers: [SearchController],
  providers: [SearchService],
})
export class SearchModule {}
