import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import { ApiProblems } from '../common/api-problems.decorator.js';
import { PageQueryDto } from '../common/pagination.js';
import type { AuthUser } from '../identity/auth-user.js';
import { CurrentUser } from '../identity/decorators.js';
import { ThreadDetailDto } from '../threads/dto/thread.dto.js';
import { AskAuthorsDto, EndorseDto, EndorsementPageDto, EndorsementStateDto } from './dto/comment.dto.js';
import { ListPracticesQuery } from './dto/list-practices.query.js';
import { PracticeDetailDto, PracticePageDto, PracticeRevisionPageDto } from './dto/practice.dto.js';
import { CreatePracticeDto, UpdatePracticeDto } from './dto/write-practice.dto.js';
import { EndorsementsService } from './endorsements.service.js';
import { exportFileName, practiceAsMarkdown } from './practice-export.js';
import { PracticeListsService } from './practice-lists.service.js';
import { PracticeQuestionsService } from './practice-questions.service.js';
import { PracticesService } from './practices.service.js';

@ApiTags('practices')
@ApiBearerAuth()
@Controller('practices')
export class PracticesController {
  constructor(
    private readonly practices: PracticesService,
    private readonly lists: PracticeListsService,
    private readonly endorsements: EndorsementsService,
    private readonly questions: PracticeQuestionsService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Start a case study; it is a draft only its authors see until published.' })
  @ApiCreatedResponse({ type: PracticeDetailDto })
  @ApiProblems(400, 401, 403, 404, 409)
  create(@CurrentUser() user: AuthUser, @Body() dto: CreatePracticeDto) {
    return this.practices.create(user, dto);
  }

  @Get()
  @ApiOperation({
    summary:
      'The library: q, theme, sector, collaborativeId, tag, author; sort newest, endorsed or discussed; status=draft for your drafts.',
  })
  @ApiOkResponse({ type: PracticePageDto })
  @ApiProblems(400, 401)
  list(@CurrentUser() user: AuthUser, @Query() query: ListPracticesQuery) {
    return this.lists.list(user, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One case study with its question threads and what you may do.' })
  @ApiOkResponse({ type: PracticeDetailDto })
  @ApiProblems(400, 401, 404)
  show(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.practices.show(user, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Edit (authors); the previous version is kept.' })
  @ApiOkResponse({ type: PracticeDetailDto })
  @ApiProblems(400, 401, 403, 404, 409)
  update(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdatePracticeDto) {
    return this.practices.update(user, id, dto);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish a complete draft (summary, all four sections and a theme).' })
  @ApiOkResponse({ type: PracticeDetailDto })
  @ApiProblems(400, 401, 403, 404, 409)
  publish(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.practices.publish(user, id);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Soft delete by its authors (moderators: POST /api/practices/{id}/delete, with a reason).' })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404, 409)
  remove(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.practices.remove(user, id);
  }

  @Get(':id/revisions')
  @ApiOperation({
    summary:
      'Earlier versions, newest first (while it is hidden: for its authors and moderators only; none once deleted).',
  })
  @ApiOkResponse({ type: PracticeRevisionPageDto })
  @ApiProblems(400, 401, 404)
  revisions(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Query() query: PageQueryDto) {
    return this.practices.revisions(user, id, query);
  }

  @Get(':id/export.md')
  @Header('content-type', 'text/markdown; charset=utf-8')
  @ApiProduces('text/markdown')
  @ApiOperation({ summary: 'The whole case study as one Markdown document.' })
  @ApiProblems(400, 401, 404)
  async export(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const practice = await this.practices.show(user, id, false);
    reply.header('content-disposition', `attachment; filename="${exportFileName(practice.title)}"`);
    return practiceAsMarkdown(practice);
  }

  @Put(':id/endorsement')
  @ApiOperation({ summary: 'Endorse ("we tried this too"), with an optional one-line note; not your own.' })
  @ApiOkResponse({ type: EndorsementStateDto })
  @ApiProblems(400, 401, 403, 404, 409)
  endorse(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: EndorseDto) {
    return this.endorsements.endorse(user, id, dto.note ?? '');
  }

  @Delete(':id/endorsement')
  @ApiOperation({ summary: 'Withdraw your endorsement (idempotent).' })
  @ApiOkResponse({ type: EndorsementStateDto })
  @ApiProblems(400, 401, 404, 409)
  withdraw(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.endorsements.withdraw(user, id);
  }

  @Get(':id/endorsements')
  @ApiOperation({ summary: 'Who endorsed it, with their organisation and note, newest first.' })
  @ApiOkResponse({ type: EndorsementPageDto })
  @ApiProblems(400, 401, 404)
  listEndorsements(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: PageQueryDto,
  ) {
    return this.endorsements.list(user, id, query);
  }

  @Post(':id/questions')
  @ApiOperation({ summary: 'Ask the authors: opens a linked question thread in the collaborative.' })
  @ApiCreatedResponse({ type: ThreadDetailDto })
  @ApiProblems(400, 401, 403, 404, 409)
  ask(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AskAuthorsDto) {
    return this.questions.ask(user, id, dto);
  }
}
