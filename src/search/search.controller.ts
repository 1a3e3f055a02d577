import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { ApiProblems } from '../common/api-problems.decorator.js';
import type { Page } from '../common/pagination.js';
import type { AuthUser } from '../identity/auth-user.js';
import { CurrentUser } from '../identity/decorators.js';
import { type SearchHitDto, SearchPageDto, SearchQueryDto } from './dto/search.dto.js';
import { SearchService } from './search.service.js';

@ApiTags('search')
@ApiBearerAuth()
@Controller('search')
export class SearchController {
  constructor(private readonly searchService: SearchService) {}

  @Get()
  @ApiOperation({ summary: 'Search threads and replies you may read, best match first, with highlighted snippets.' })
  @ApiOkResponse({ type: SearchPageDto })
  @ApiProblems(400, 401)
  search(@CurrentUser() user: AuthUser, @Query() query: SearchQueryDto): Promise<Page<SearchHitDto>> {
    return this.searchService.search(user, query);
  }
}
