// Words the generated posts are made of. Order matters: posts pick early words far more
// often than late ones (a Zipf-like skew), so the tail words are rare, as in real text.
export const WORDS = `
the of and to in a for is on that with we our this are it as be have from at by not an
patients trust care services team staff system collaborative provider board pathway capacity
waiting list elective recovery demand acute hospital community mental health primary clinical
data plan model shared approach year performance local regional national outcomes quality
support workforce funding budget activity beds theatre diagnostic imaging endoscopy referral
discharge flow emergency department ambulance handover response cancer target standard
governance leadership partnership integrated commissioning contract finance efficiency cost
variation productivity digital record platform analytics dashboard population inequalities
prevention deprivation access experience feedback engagement consultant nursing therapy
pharmacy medicines safety incident learning review audit improvement programme project
implementation evaluation pilot scale spread network mutual aid transfer list validation
outpatient follow-up advice guidance virtual ward remote monitoring frailty respiratory
cardiology orthopaedics ophthalmology dermatology urology gynaecology paediatrics stroke
dementia learning-disability autism crisis liaison inpatient out-of-area placement bed-days
recruitment retention rota bank agency overtime apprenticeship international rotation
wellbeing burnout sickness absence vacancy establishment skill-mix advanced practitioner
physician associate pharmacist radiographer sonographer phlebotomy pathology laboratory
genomics histopathology microbiology screening surveillance vaccination immunisation
elective-hub cataract hip knee spinal day-case theatre-utilisation cancellation booking
clinic template demand-capacity modelling trajectory backlog breach harm prioritisation
triage validation clinical-review patient-initiated discharge-to-assess reablement hospice
palliative end-of-life carers voluntary sector housing employment transport interpreter
translation literacy ethnicity coastal rural urban homeless veterans refugees travellers
`
  .trim()
  .split(/\s+/);

export const ORGANISATIONS = [
  'Manchester University NHS FT',
  'South London and Maudsley NHS FT',
  'Sussex Community NHS FT',
  'West Midlands Ambulance Service',
  'Modality Partnership',
  'South Warwickshire University NHS FT',
  'Leeds Teaching Hospitals NHS Trust',
  'Bradford District Care NHS FT',
  'Royal United Hospitals Bath NHS FT',
  'Salisbury NHS FT',
  'Great Western Hospitals NHS FT',
  'Oxleas NHS FT',
];
export const JOB_TITLES = [
  'Chief Operating Officer',
  'Director of Strategy',
  'Director of Nursing',
  'Medical Director',
  'Clinical Director',
  'Chief Finance Officer',
  'Programme Director',
  'Head of Transformation',
];
export const SECTORS = ['acute', 'mental-health', 'community', 'specialist', 'ambulance', 'primary-care', 'other'];
export const TYPES = [
  'horizontal',
  'vertical',
  'mental-health',
  'community',
  'ambulance',
  'primary-secondary',
  'other',
];
export const TAGS = [
  'elective-recovery',
  'diagnostics',
  'workforce',
  'digital',
  'finance',
  'mental-health',
  'urgent-care',
  'inequalities',
  'governance',
  'cancer',
];
export const THEMES = [
  'diagnostics',
  'elective-recovery',
  'unwarranted-variation',
  'workforce',
  'mental-health',
  'urgent-and-emergency-care',
  'population-health-and-inequalities',
  'digital',
  'finance-and-efficiency',
  'governance-and-leadership',
];

/** Two-word searches of tail words: what a leader would type, each matching a small share of posts. */
export const SEARCHES = [
  '"virtual ward" frailty',
  'cataract backlog',
  'phlebotomy rota',
  'sonographer vacancy',
  'genomics screening',
  'reablement housing',
  'dermatology triage',
  'interpreter access',
];
