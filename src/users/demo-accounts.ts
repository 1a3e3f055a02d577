import type { Role, Sector } from './user.entity.js';

/** Shared by every demo account; printed at start and in the README. Demo data only. */
export const DEMO_PASSWORD = 'Collaborate-and-learn-2026';

export interface DemoAccount {
  email: string;
  displayName: string;
  organisation: string;
  jobTitle: string;
  sector: Sector;
  role: Role;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    email: 'admin@example.nhs.uk',
    displayName: 'Priya Shah',
    organisation: 'Collaboratives Forum',
    jobTitle: 'Forum administrator',
    sector: 'other',
    role: 'admin',
  },
  {
    email: 'moderator@example.nhs.uk',
    displayName: 'Tom Okafor',
    organisation: 'Collaboratives Forum',
    jobTitle: 'Community moderator',
    sector: 'community',
    role: 'moderator',
  },
  {
    email: 'sarah.whitfield@example.nhs.uk',
    displayName: 'Sarah Whitfield',
    organisation: 'Manchester University NHS Foundation Trust',
    jobTitle: 'Chief Operating Officer',
    sector: 'acute',
    role: 'member',
  },
  {
    email: 'david.mensah@example.nhs.uk',
    displayName: 'David Mensah',
    organisation: 'South London and Maudsley NHS Foundation Trust',
    jobTitle: 'Director of Strategy',
    sector: 'mental-health',
    role: 'member',
  },
  {
    email: 'helen.clarke@example.nhs.uk',
    displayName: 'Helen Clarke',
    organisation: 'Sussex Community NHS Foundation Trust',
    jobTitle: 'Director of Nursing',
    sector: 'community',
    role: 'member',
  },
  {
    email: 'james.rowe@example.nhs.uk',
    displayName: 'James Rowe',
    organisation: 'West Midlands Ambulance Service University NHS Foundation Trust',
    jobTitle: 'Medical Director',
    sector: 'ambulance',
    role: 'member',
  },
  {
    email: 'aisha.rahman@example.nhs.uk',
    displayName: 'Aisha Rahman',
    organisation: 'Modality Partnership',
    jobTitle: 'Clinical Director',
    sector: 'primary-care',
    role: 'member',
  },
  {
    email: 'mark.ellis@example.nhs.uk',
    displayName: 'Mark Ellis',
    organisation: 'South Warwickshire University NHS Foundation Trust',
    jobTitle: 'Chief Finance Officer',
    sector: 'acute',
    role: 'member',
  },
];
