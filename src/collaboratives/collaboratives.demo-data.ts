import type { CollaborativeType, Visibility } from './collaborative.entity.js';

export interface DemoCollaborative {
  slug: string;
  name: string;
  type: CollaborativeType;
  sectors: string[];
  region: string;
  ics: string | null;
  organisations: string[];
  visibility: Visibility;
  description: string;
}

/** The provider collaboratives the source reports describe, with their sector and footprint. */
export const DEMO_COLLABORATIVES: DemoCollaborative[] = [
  {
    slug: 'greater-manchester-acute',
    name: 'Greater Manchester acute provider collaborative',
    type: 'horizontal',
    sectors: ['acute'],
    region: 'North West',
    ics: 'NHS Greater Manchester',
    organisations: [
      'Manchester University NHS Foundation Trust',
      'Northern Care Alliance NHS Foundation Trust',
      'Stockport NHS Foundation Trust',
      'Tameside and Glossop Integrated Care NHS Foundation Trust',
      'Wrightington, Wigan and Leigh Teaching Hospitals NHS Foundation Trust',
      'Bolton NHS Foundation Trust',
    ],
    visibility: 'public',
    description:
      'The acute trusts of Greater Manchester working as one on **elective recovery**, shared diagnostic capacity and clinical service reviews across the conurbation.',
  },
  {
    slug: 'acute-hospitals-alliance-bsw',
    name: 'Acute Hospitals Alliance',
    type: 'horizontal',
    sectors: ['acute'],
    region: 'South West',
    ics: 'Bath and North East Somerset, Swindon and Wiltshire ICS',
    organisations: [
      'Royal United Hospitals Bath NHS Foundation Trust',
      'Salisbury NHS Foundation Trust',
      'Great Western Hospitals NHS Foundation Trust',
    ],
    visibility: 'public',
    description:
      'Three acute hospitals sharing waiting lists, clinical networks and a common approach to reducing unwarranted variation.',
  },
  {
    slug: 'south-london-mental-health-community',
    name: 'South London Mental Health and Community Partnership',
    type: 'mental-health',
    sectors: ['mental-health', 'community'],
    region: 'London',
    ics: 'South East London and South West London ICSs',
    organisations: [
      'Oxleas NHS Foundation Trust',
      'South London and Maudsley NHS Foundation Trust',
      "South West London and St George's Mental Health NHS Trust",
    ],
    visibility: 'public',
    description:
      'Mental health and community trusts commissioning specialised services together: forensic care, child and adolescent inpatient beds and eating disorders, bringing patients closer to home.',
  },
  {
    slug: 'west-yorkshire-harrogate-mhlda',
    name: 'West Yorkshire and Harrogate Mental Health, Learning Disability and Autism collaborative',
    type: 'mental-health',
    sectors: ['mental-health', 'community'],
    region: 'North East and Yorkshire',
    ics: 'West Yorkshire ICS',
    organisations: [
      'Bradford District Care NHS Foundation Trust',
      'Leeds and York Partnership NHS Foundation Trust',
      'South West Yorkshire Partnership NHS Foundation Trust',
      'Leeds Community Healthcare NHS Trust',
      'Tees, Esk and Wear Valleys NHS Foundation Trust',
    ],
    visibility: 'public',
    description:
      'Providers of mental health, learning disability and autism services planning pathways and beds across the whole footprint.',
  },
  {
    slug: 'bradford-craven-act-as-one',
    name: "Bradford and Craven 'Act as one' partnership",
    type: 'vertical',
    sectors: ['acute', 'community', 'mental-health', 'primary-care'],
    region: 'North East and Yorkshire',
    ics: 'West Yorkshire ICS',
    organisations: [
      'Bradford Teaching Hospitals NHS Foundation Trust',
      'Airedale NHS Foundation Trust',
      'Bradford District Care NHS Foundation Trust',
      'Bradford and Craven primary care networks',
      'City of Bradford Metropolitan District Council',
    ],
    visibility: 'public',
    description:
      'A place-based partnership where hospitals, community, mental health, primary care and the council act as one on population health and inequalities.',
  },
  {
    slug: 'surrey-downs-place',
    name: 'Surrey Downs place partnership',
    type: 'vertical',
    sectors: ['acute', 'community', 'primary-care'],
    region: 'South East',
    ics: 'Surrey Heartlands ICS',
    organisations: [
      'Epsom and St Helier University Hospitals NHS Trust',
      'Surrey Downs Health and Care',
      'Surrey County Council',
      'Surrey Downs GP federations',
    ],
    visibility: 'public',
    description:
      'Integrated community, GP and hospital teams for the Surrey Downs population, with a focus on frailty and keeping people out of hospital.',
  },
  {
    slug: 'sussex-community-providers',
    name: 'Sussex community provider collaborative',
    type: 'community',
    sectors: ['community'],
    region: 'South East',
    ics: 'Sussex ICS',
    organisations: [
      'Sussex Community NHS Foundation Trust',
      'Sussex Partnership NHS Foundation Trust',
      'East Sussex Healthcare NHS Trust',
    ],
    visibility: 'public',
    description:
      'Community services providers sharing workforce plans, virtual wards and urgent community response across Sussex.',
  },
  {
    slug: 'modality-partnership',
    name: 'Modality Partnership',
    type: 'primary-secondary',
    sectors: ['primary-care', 'acute'],
    region: 'Midlands',
    ics: null,
    organisations: ['Modality Partnership', 'Partner acute and community trusts in each Modality area'],
    visibility: 'public',
    description:
      'An at-scale GP partnership working with secondary care on community outpatients, shared pathways and consultant advice for primary care.',
  },
  {
    slug: 'foundation-group',
    name: 'The Foundation Group',
    type: 'horizontal',
    sectors: ['acute', 'community'],
    region: 'Midlands',
    ics: null,
    organisations: [
      'South Warwickshire University NHS Foundation Trust',
      'Wye Valley NHS Trust',
      'George Eliot Hospital NHS Trust',
    ],
    visibility: 'members',
    description:
      "A group of trusts with a shared chief executive and chair. This space is for members only: finance, workforce and performance discussions between the group's leaders.",
  },
  {
    slug: 'dorset-ics-partnership',
    name: 'Dorset ICS provider partnership',
    type: 'vertical',
    sectors: ['acute', 'community', 'mental-health'],
    region: 'South West',
    ics: 'Dorset ICS',
    organisations: [
      'University Hospitals Dorset NHS Foundation Trust',
      'Dorset County Hospital NHS Foundation Trust',
      'Dorset HealthCare University NHS Foundation Trust',
    ],
    visibility: 'public',
    description:
      "Dorset's providers working on shared clinical services, a single elective hub and a joint approach to workforce.",
  },
  {
    slug: 'somerset-ics-partnership',
    name: 'Somerset ICS provider partnership',
    type: 'vertical',
    sectors: ['acute', 'community', 'mental-health', 'primary-care'],
    region: 'South West',
    ics: 'Somerset ICS',
    organisations: ['Somerset NHS Foundation Trust', 'Somerset County Council', 'Somerset primary care networks'],
    visibility: 'public',
    description:
      'A county-wide partnership joining acute, community, mental health and primary care around one Somerset population.',
  },
  {
    slug: 'west-midlands-yorkshire-ambulance',
    name: 'West Midlands and Yorkshire ambulance services',
    type: 'ambulance',
    sectors: ['ambulance'],
    region: 'Midlands; North East and Yorkshire',
    ics: null,
    organisations: [
      'West Midlands Ambulance Service University NHS Foundation Trust',
      'Yorkshire Ambulance Service NHS Trust',
    ],
    visibility: 'public',
    description:
      'Ambulance trusts comparing handover delays, hear-and-treat and see-and-treat models, and sharing specialist resources.',
  },
];

const member = (slug: string, name: string, role: 'member' | 'lead' = 'member') => ({
  slug,
  email: `${name}@example.nhs.uk`,
  role,
});

/** Demo leaders' memberships; members follow automatically. The Foundation Group is members-only. */
export const DEMO_MEMBERSHIPS = [
  member('greater-manchester-acute', 'sarah.whitfield', 'lead'),
  member('greater-manchester-acute', 'mark.ellis'),
  member('acute-hospitals-alliance-bsw', 'mark.ellis'),
  member('south-london-mental-health-community', 'david.mensah', 'lead'),
  member('south-london-mental-health-community', 'helen.clarke'),
  member('west-yorkshire-harrogate-mhlda', 'david.mensah'),
  member('sussex-community-providers', 'helen.clarke', 'lead'),
  member('modality-partnership', 'aisha.rahman', 'lead'),
  member('foundation-group', 'mark.ellis', 'lead'),
  member('foundation-group', 'sarah.whitfield'),
  member('west-midlands-yorkshire-ambulance', 'james.rowe', 'lead'),
];

/** Follows beyond the automatic ones. */
export const DEMO_FOLLOWS = [
  member('dorset-ics-partnership', 'sarah.whitfield'),
  member('bradford-craven-act-as-one', 'sarah.whitfield'),
  member('greater-manchester-acute', 'james.rowe'),
  member('surrey-downs-place', 'aisha.rahman'),
  member('bradford-craven-act-as-one', 'aisha.rahman'),
  member('somerset-ics-partnership', 'helen.clarke'),
];
