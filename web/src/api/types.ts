// Names for the generated schema types that the client passes around.
import type { components } from './schema';

type Schemas = components['schemas'];

export type Profile = Schemas['OwnProfileDto'];
export type PublicProfile = Schemas['PublicProfileDto'];
export type Tokens = Schemas['TokensDto'];
export type SessionInfo = Schemas['SessionDto'];
export type Problem = Schemas['ProblemDetailsDto'];
export type Role = Profile['role'];
export type Sector = Profile['sector'];
export type Notification = Schemas['NotificationDto'];
export type Collaborative = Schemas['CollaborativeDto'];
export type CollaborativeType = Collaborative['type'];
export type FollowLevel = Schemas['FollowLevelDto']['level'];
export type Member = Schemas['MemberDto'];
export type ThreadSummary = Schemas['ThreadSummaryDto'];
export type ThreadDetail = Schemas['ThreadDetailDto'];
export type Reply = Schemas['ReplyViewDto'];
export type SearchHit = Schemas['SearchHitDto'];
export type PracticeSummary = Schemas['PracticeSummaryDto'];
export type PracticeDetail = Schemas['PracticeDetailDto'];
export type OutcomeMeasure = Schemas['OutcomeMeasureDto'];
export type Theme = NonNullable<Schemas['CreatePracticeDto']['themes']>[number];
export type Comment = Schemas['CommentDto'];
export type Endorsement = Schemas['EndorsementDto'];
export type ReportTarget = Schemas['CreateReportDto']['targetType'];
export type ReportReason = Schemas['CreateReportDto']['reason'];
export type QueueItem = Schemas['QueueItemDto'];
export type ResolveAction = Schemas['ResolveReportDto']['action'];
export type AuditRecord = Schemas['AuditRecordDto'];
