import type { Role, Sector } from '../api/types';

// Records over the generated unions: a sector or role added to the API fails the type check here.
export const SECTOR_LABELS: Record<Sector, string> = {
  acute: 'Acute',
  'mental-health': 'Mental health',
  community: 'Community',
  specialist: 'Specialist',
  ambulance: 'Ambulance',
  'primary-care': 'Primary care',
  other: 'Other',
};

export const ROLE_LABELS: Record<Role, string> = {
  member: 'Member',
  moderator: 'Moderator',
  admin: 'Admin',
};

export const SECTORS = Object.keys(SECTOR_LABELS) as Sector[];
export const ROLES = Object.keys(ROLE_LABELS) as Role[];
