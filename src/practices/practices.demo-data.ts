import type { OutcomeMeasure, Theme } from './practice.entity.js';

export interface DemoPractice {
  id: string;
  slug: string | null;
  authorEmail: string;
  title: string;
  summary: string;
  challenge: string;
  approach: string;
  outcomes: string;
  lessons: string;
  outcomeMeasures: OutcomeMeasure[];
  sectors: string[];
  themes: Theme[];
  tags: string[];
  organisations: string[];
  contact: string;
}

const ILLUSTRATIVE = '\n\n*Figures are illustrative, for demonstration.*';

/** Case studies drawn from the kinds of example the source reports give; the numbers are made up. */
export const DEMO_PRACTICES: DemoPractice[] = [
  {
    id: '7d1f0c2e-5a41-4c7b-9a0e-1f3b2c4d5e01',
    slug: 'greater-manchester-acute',
    authorEmail: 'sarah.whitfield@example.nhs.uk',
    title: 'Sharing CT and MRI capacity across six acute trusts',
    summary:
      'One waiting list for cross-sectional imaging across the collaborative, with scanners booked wherever a slot is free first.',
    challenge:
      'Each trust ran its own imaging list. Some scanners stood idle at weekends while patients elsewhere waited more than six weeks.',
    approach:
      "We agreed one referral standard, linked the trusts' radiology systems so any site could book and report, and set up a weekly capacity huddle.",
    outcomes:
      'Waits fell fastest at the trusts that had been furthest behind, and weekend sessions filled.' + ILLUSTRATIVE,
    lessons:
      "Agree the reporting arrangements before the booking ones: radiologists' confidence in shared reporting was the real constraint.",
    outcomeMeasures: [
      { label: 'Patients waiting over 6 weeks for CT/MRI', before: 31, after: 12, unit: '%' },
      { label: 'Weekend scanner use', before: 40, after: 78, unit: '%' },
    ],
    sectors: ['acute'],
    themes: ['diagnostics', 'elective-recovery'],
    tags: ['imaging', 'shared-waiting-list'],
    organisations: [
      'Manchester University NHS Foundation Trust',
      'Stockport NHS Foundation Trust',
      'Bolton NHS Foundation Trust',
    ],
    contact: 'Sarah Whitfield, Chief Operating Officer',
  },
  {
    id: '7d1f0c2e-5a41-4c7b-9a0e-1f3b2c4d5e02',
    slug: 'south-london-mental-health-community',
    authorEmail: 'david.mensah@example.nhs.uk',
    title: 'Bringing specialist mental health care closer to home',
    summary:
      'By commissioning specialist beds together, three trusts brought back patients who had been placed far from home.',
    challenge:
      'Adults needing specialist inpatient care were often placed outside London, far from family and from the community teams who would support them afterwards.',
    approach:
      'The partnership took on the budget for these placements, invested the savings in local step-down beds and intensive community teams, and reviewed every out-of-area placement weekly.',
    outcomes: 'Fewer people were placed out of area, and those who were came home sooner.' + ILLUSTRATIVE,
    lessons: 'Weekly review of each person, by name, mattered more than any new service.',
    outcomeMeasures: [
      { label: 'Out-of-area placements', before: 48, after: 9, unit: 'people' },
      { label: 'Average length of out-of-area stay', before: 112, after: 61, unit: 'days' },
    ],
    sectors: ['mental-health', 'community'],
    themes: ['mental-health', 'finance-and-efficiency'],
    tags: ['out-of-area-placements'],
    organisations: ['South London and Maudsley NHS Foundation Trust', 'Oxleas NHS Foundation Trust'],
    contact: 'David Mensah, Director of Strategy',
  },
  {
    id: '7d1f0c2e-5a41-4c7b-9a0e-1f3b2c4d5e03',
    slug: 'west-midlands-yorkshire-ambulance',
    authorEmail: 'james.rowe@example.nhs.uk',
    title: 'The ambulance service as an integrator for population health',
    summary:
      "Using the ambulance service's view of frequent callers and falls to target prevention with local partners.",
    challenge:
      'A small number of people called an ambulance many times a year, often after falls at home, and most did not need hospital.',
    approach:
      'We shared anonymised call patterns with local authorities and community teams, and set up a falls response car staffed with a therapist.',
    outcomes:
      'Conveyances to emergency departments for falls dropped, and repeat callers got a care plan.' + ILLUSTRATIVE,
    lessons: 'Data sharing agreements took longest; start them on day one.',
    outcomeMeasures: [{ label: 'Falls calls conveyed to ED', before: 62, after: 38, unit: '%' }],
    sectors: ['ambulance', 'community'],
    themes: ['urgent-and-emergency-care', 'population-health-and-inequalities'],
    tags: ['falls'],
    organisations: ['West Midlands Ambulance Service University NHS Foundation Trust'],
    contact: 'James Rowe, Medical Director',
  },
  {
    id: '7d1f0c2e-5a41-4c7b-9a0e-1f3b2c4d5e04',
    slug: 'bradford-craven-act-as-one',
    authorEmail: 'aisha.rahman@example.nhs.uk',
    title: 'Joined-up maternity care in a place partnership',
    summary: 'Midwives, GPs and health visitors working to one plan for women facing the greatest inequalities.',
    challenge:
      'Women from the most deprived areas booked late and missed appointments; each service saw only part of the picture.',
    approach: 'One shared care plan, community hubs in familiar places, and interpreters booked by default.',
    outcomes: 'Earlier booking and better attendance in the targeted neighbourhoods.' + ILLUSTRATIVE,
    lessons: 'Go where women already are; ask them what gets in the way.',
    outcomeMeasures: [{ label: 'Booked by 10 weeks', before: 54, after: 71, unit: '%' }],
    sectors: ['acute', 'community', 'primary-care'],
    themes: ['population-health-and-inequalities'],
    tags: ['maternity'],
    organisations: ['Bradford Teaching Hospitals NHS Foundation Trust', 'Bradford and Craven primary care networks'],
    contact: 'Aisha Rahman, Clinical Director',
  },
  {
    id: '7d1f0c2e-5a41-4c7b-9a0e-1f3b2c4d5e05',
    slug: 'acute-hospitals-alliance-bsw',
    authorEmail: 'mark.ellis@example.nhs.uk',
    title: 'Reducing unwarranted variation in day-case rates',
    summary: "Three hospitals compared day-case rates procedure by procedure and adopted each other's best pathways.",
    challenge: 'The same operations were done as day cases at one hospital and with an overnight stay at another.',
    approach:
      'Clinical leads reviewed the variation together, agreed a shared pathway per procedure and tracked it monthly.',
    outcomes: 'Day-case rates converged towards the best performer.' + ILLUSTRATIVE,
    lessons: 'Present the data by procedure and let clinicians lead; league tables put people off.',
    outcomeMeasures: [{ label: 'Day-case rate, selected procedures', before: 68, after: 84, unit: '%' }],
    sectors: ['acute'],
    themes: ['unwarranted-variation', 'elective-recovery'],
    tags: ['day-case'],
    organisations: [
      'Royal United Hospitals Bath NHS Foundation Trust',
      'Salisbury NHS Foundation Trust',
      'Great Western Hospitals NHS Foundation Trust',
    ],
    contact: 'Mark Ellis, Chief Finance Officer',
  },
];
