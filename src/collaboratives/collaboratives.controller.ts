import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { ApiProblems } from '../common/api-problems.decorator.js';
import type { AuthUser } from '../identity/auth-user.js';
import { CurrentUser, Roles } from '../identity/decorators.js';
import { CollaborativesService } from './collaboratives.service.js';
import { CollaborativeDto, CollaborativePageDto } from './dto/collaborative.dto.js';
import { ListCollaborativesQuery } from './dto/list-collaboratives.query.js';
import { CreateCollaborativeDto, UpdateCollaborativeDto } from './dto/write-collaborative.dto.js';

@ApiTags('collaboratives')
@ApiBearerAuth()
@Controller('collaboratives')
export class CollaborativesController {
  constructor(private readonly collaboratives: CollaborativesService) {}

  @Get()
  @ApiOperation({ summary: 'The directory: search, filter and page through collaboratives.' })
  @ApiOkResponse({ type: CollaborativePageDto })
  @ApiProblems(400, 401)
  list(@CurrentUser() caller: AuthUser, @Query() query: ListCollaborativesQuery) {
    return this.collaboratives.list(caller, query);
  }

  @Get(':idOrSlug')
  @ApiOperation({ summary: 'One collaborative by id or slug, with what you may do in it.' })
  @ApiOkResponse({ type: CollaborativeDto })
  @ApiProblems(401, 404)
  get(@CurrentUser() caller: AuthUser, @Param('idOrSlug') idOrSlug: string) {
    return this.collaboratives.get(caller, idOrSlug);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create a collaborative (admin).' })
  @ApiCreatedResponse({ type: CollaborativeDto })
  @ApiProblems(400, 401, 403, 409)
  create(@CurrentUser() caller: AuthUser, @Body() dto: CreateCollaborativeDto) {
    return this.collaboratives.create(caller, dto);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Edit a collaborative (admin, site moderator or one of its leads).' })
  @ApiOkResponse({ type: CollaborativeDto })
  @ApiProblems(400, 401, 403, 404, 409)
  update(@CurrentUser() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateCollaborativeDto) {
    return this.collaboratives.update(caller, id, dto);
  }

  @Post(':id/archive')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Archive instead of delete: everything stays readable, nothing can change (admin).' })
  @ApiOkResponse({ type: CollaborativeDto })
  @ApiProblems(400, 401, 403, 404)
  archive(@CurrentUser() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.collaboratives.setArchived(caller, id, true);
  }

  @Post(':id/unarchive')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Open an archived collaborative again (admin).' })
  @ApiOkResponse({ type: CollaborativeDto })
  @ApiProblems(400, 401, 403, 404)
  unarchive(@CurrentUser() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.collaboratives.setArchived(caller, id, false);
  }
}
