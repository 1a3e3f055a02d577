import type { CollaborativeType, FollowLevel } from '../api/types';

export const TYPE_LABELS: Record<CollaborativeType, string> = {
  horizontal: 'Horizontal (same kind of trust)',
  vertical: 'Vertical (along a pathway)',
  'mental-health': 'Mental health',
  community: 'Community',
  ambulance: 'Ambulance',
  'primary-secondary': 'Primary and secondary care',
  other: 'Other',
};

export const TYPES = Object.keys(TYPE_LABELS) as CollaborativeType[];

export const FOLLOW_LEVEL_LABELS: Record<FollowLevel, { label: string; hint: string }> = {
  all: { label: 'Everything', hint: 'New questions, discussions and case studies' },
  'questions-and-practices': { label: 'Questions and case studies', hint: 'Not general discussions' },
  none: { label: 'Nothing', hint: 'Keep it in your feed without notifications' },
};

export const FOLLOW_LEVELS = Object.keys(FOLLOW_LEVEL_LABELS) as FollowLevel[];

/** NHS England's regions, as the directory records them. */
export const REGIONS = [
  'North East and Yorkshire',
  'North West',
  'Midlands',
  'East of England',
  'London',
  'South East',
  'South West',
];
