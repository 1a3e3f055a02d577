import { ApiProperty } from '@nestjs/swagger';

import { PageOf } from '../../common/pagination.js';
import { HIDDEN_NOTICE, TOMBSTONE_TITLE } from '../../content/hidden-notice.js';
import { PublicProfileDto, toPublicProfile } from '../../users/dto/profile.dto.js';
import { type Practice, PRACTICE_STATUSES, type PracticeStatus, THEMES } from '../practice.entity.js';
import { OutcomeMeasureDto } from './write-practice.dto.js';

export class PracticeSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) collaborativeId: string | null;
  @ApiProperty() title: string;
  @ApiProperty() summary: string;
  @ApiProperty({ type: [OutcomeMeasureDto] }) outcomeMeasures: OutcomeMeasureDto[];
  @ApiProperty({ type: [String] }) sectors: string[];
  @ApiProperty({ enum: THEMES, isArray: true }) themes: string[];
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty({ type: PublicProfileDto, nullable: true }) author: PublicProfileDto | null;
  @ApiProperty({ enum: PRACTICE_STATUSES }) status: PracticeStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt: string | null;
  @ApiProperty() endorsementCount: number;
  @ApiProperty() commentCount: number;
  @ApiProperty() viewCount: number;
  @ApiProperty({ description: 'Hidden by moderators: only its authors and moderators see the content.' })
  hidden: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deletedAt: string | null;
}

export class PracticeDto extends PracticeSummaryDto {
  @ApiProperty() challenge: string;
  @ApiProperty() challengeHtml: string;
  @ApiProperty() approach: string;
  @ApiProperty() approachHtml: string;
  @ApiProperty() outcomes: string;
  @ApiProperty() outcomesHtml: string;
  @ApiProperty() lessons: string;
  @ApiProperty() lessonsHtml: string;
  @ApiProperty({ type: [String] }) organisations: string[];
  @ApiProperty() contact: string;
  @ApiProperty({ type: [PublicProfileDto] }) coAuthors: PublicProfileDto[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) editedAt: string | null;
}

export class PracticeQuestionLinkDto {
  @ApiProperty({ format: 'uuid' }) threadId: string;
  @ApiProperty() title: string;
  @ApiProperty() replyCount: number;
}

export class PracticeViewerDto {
  @ApiProperty() isAuthor: boolean;
  @ApiProperty() endorsed: boolean;
  @ApiProperty() canEdit: boolean;
  @ApiProperty() canDelete: boolean;
  @ApiProperty() canEndorse: boolean;
  @ApiProperty() canComment: boolean;
  @ApiProperty() canModerate: boolean;
}

export class PracticeDetailDto extends PracticeDto {
  @ApiProperty({ type: [PracticeQuestionLinkDto] }) questions: PracticeQuestionLinkDto[];
  @ApiProperty({ type: PracticeViewerDto }) viewer: PracticeViewerDto;
}

export class PracticePageDto extends PageOf(PracticeSummaryDto) {}

/** The case study as it was before edit `number`, which `editor` made at `editedAt`. */
export class PracticeRevisionDto {
  @ApiProperty({ description: '1 for the first edit, then 2, 3…' }) number: number;
  @ApiProperty({ type: PublicProfileDto }) editor: PublicProfileDto;
  @ApiProperty({ format: 'date-time' }) editedAt: string;
  @ApiProperty({
    type: Object,
    description:
      'The editable fields as they were: title, summary, the four sections, outcome measures, sectors, themes, tags, organisations, contact.',
  })
  content: Record<string, unknown>;
}

export class PracticeRevisionPageDto extends PageOf(PracticeRevisionDto) {}

/**
 * The columns a summary is made of, all a list reads: never the sections' Markdown and
 * HTML. `authorId` says whether the reader is its author.
 */
export const PRACTICE_SUMMARY_FIELDS = [
  'id',
  'collaborativeId',
  'authorId',
  'title',
  'summary',
  'outcomeMeasures',
  'sectors',
  'themes',
  'tags',
  'status',
  'publishedAt',
  'endorsementCount',
  'commentCount',
  'viewCount',
  'hiddenAt',
  'deletedAt',
] as const satisfies ReadonlyArray<keyof Practice>;
export type PracticeSummaryRow = Pick<Practice, (typeof PRACTICE_SUMMARY_FIELDS)[number] | 'author'>;

/**
 * `practice.author` must be loaded. Hidden ones show a notice unless `showHidden`
 * (authors, moderators); deleted ones are a tombstone.
 */
export function toPracticeSummary(practice: PracticeSummaryRow, showHidden = false): PracticeSummaryDto {
  const deleted = practice.deletedAt !== null;
  const masked = deleted || (practice.hiddenAt !== null && !showHidden);
  return {
    id: practice.id,
    collaborativeId: practice.collaborativeId,
    title: deleted ? TOMBSTONE_TITLE : masked ? HIDDEN_NOTICE : practice.title,
    summary: masked ? '' : practice.summary,
    outcomeMeasures: masked ? [] : practice.outcomeMeasures,
    sectors: practice.sectors,
    themes: practice.themes,
    tags: masked ? [] : practice.tags,
    author: deleted || !practice.author ? null : toPublicProfile(practice.author),
    status: practice.status,
    publishedAt: practice.publishedAt?.toISOString() ?? null,
    endorsementCount: practice.endorsementCount,
    commentCount: practice.commentCount,
    viewCount: practice.viewCount,
    hidden: practice.hiddenAt !== null,
    deletedAt: practice.deletedAt?.toISOString() ?? null,
  };
}

export function toPracticeDto(
  practice: Practice,
  coAuthors: PracticeDto['coAuthors'],
  showHidden = false,
): PracticeDto {
  const masked = practice.deletedAt !== null || (practice.hiddenAt !== null && !showHidden);
  const text = (value: string) => (masked ? '' : value);
  return {
    ...toPracticeSummary(practice, showHidden),
    challenge: text(practice.challenge),
    challengeHtml: text(practice.challengeHtml),
    approach: text(practice.approach),
    approachHtml: text(practice.approachHtml),
    outcomes: text(practice.outcomes),
    outcomesHtml: text(practice.outcomesHtml),
    lessons: text(practice.lessons),
    lessonsHtml: text(practice.lessonsHtml),
    organisations: masked ? [] : practice.organisations,
    contact: text(practice.contact),
    coAuthors: masked ? [] : coAuthors,
    editedAt: practice.editedAt?.toISOString() ?? null,
  };
}
