import type { ThreadKind } from './thread.entity.js';

/** People are the demo accounts' email names (`sarah.whitfield` for sarah.whitfield@example.nhs.uk). */
export interface DemoReply {
  key: string;
  author: string;
  /** Hours after the thread was asked. */
  after: number;
  body: string;
  quotes?: string;
  votes?: string[];
}

export interface DemoThread {
  /** Stable name: the thread's id is derived from it, so the seed adds each thread once, ever. */
  key: string;
  collaborative: string;
  author: string;
  kind: ThreadKind;
  daysAgo: number;
  title: string;
  body: string;
  tags: string[];
  replies: DemoReply[];
  accepted?: string;
  votes?: string[];
}

export const DEMO_THREADS: DemoThread[] = [
  {
    key: 'shared-diagnostic-capacity',
    collaborative: 'greater-manchester-acute',
    author: 'sarah.whitfield',
    kind: 'question',
    daysAgo: 12,
    title: 'How are you sharing diagnostic capacity across sites?',
    tags: ['diagnostics', 'community-diagnostic-centres'],
    body: `We have spare CT and MRI slots at two of our sites on most weekends, while waits for the same tests at a neighbouring trust keep growing. Before we build anything, I would like to hear from anyone who already books patients across trusts:

- Who holds the waiting list: the referring trust or the site doing the scan?
- Who reports the images: one radiology team, or each trust for its own patients?
- What did you need to settle on information governance before images could move?

Anything you wish you had known at the start is welcome.`,
    votes: ['mark.ellis', 'james.rowe'],
    accepted: 'referrer-keeps-the-list',
    replies: [
      {
        key: 'referrer-keeps-the-list',
        author: 'mark.ellis',
        after: 5,
        votes: ['sarah.whitfield', 'james.rowe'],
        body: `We went through this in the Alliance. What made it work was agreeing that **the referring trust keeps clinical ownership and the list**, and the scanning site sells slots.

1. Reporting stayed with the referring trust's radiologists, through a shared view of the images.
2. Information governance was a data sharing agreement plus updated privacy notices; our IG leads met once a week until it was signed.
3. The contracting conversation took longer than the technical one. Start it first.`,
      },
      {
        key: 'check-transport',
        author: 'james.rowe',
        after: 20,
        body: 'From the ambulance side, one plea: when patients are offered a scan at another site, check their eligibility for patient transport at the point of booking. Missed appointments rose for us when people were offered slots they had no way of reaching.',
      },
      {
        key: 'thanks-transport',
        author: 'sarah.whitfield',
        after: 26,
        quotes: 'check-transport',
        body: 'A really useful point: we will add a transport question to the booking script. Thank you both. Mark, I will be in touch about your data sharing agreement.',
      },
    ],
  },
  {
    key: 'one-waiting-list',
    collaborative: 'acute-hospitals-alliance-bsw',
    author: 'mark.ellis',
    kind: 'question',
    daysAgo: 20,
    title: 'Running one waiting list across three trusts: what made clinicians trust it?',
    tags: ['elective-recovery', 'waiting-lists'],
    body: `Our trusts now share a single list for a few high-volume specialties, and patients can be offered treatment at whichever site has capacity first. The data side works. Clinical confidence is harder: consultants are wary of their patients being treated by a team they do not know, and some patients turn down a different hospital.

If you have pooled lists, how did you build trust with clinicians and with patients? Were there specialties you decided **not** to pool?`,
    votes: ['sarah.whitfield', 'helen.clarke'],
    accepted: 'common-protocols',
    replies: [
      {
        key: 'common-protocols',
        author: 'sarah.whitfield',
        after: 3,
        votes: ['mark.ellis', 'helen.clarke'],
        body: `Clinical ownership was our sticking point too. Three things helped:

1. Common clinical protocols, agreed by the specialty leads of every site before any patient moved.
2. A named consultant at the treating site in the patient's letter, with their own consultant copied in.
3. Publishing waits by site every week, so everyone could see the imbalance the pooling was fixing.

We kept complex revision surgery out of the pool.`,
      },
      {
        key: 'community-call',
        author: 'helen.clarke',
        after: 30,
        votes: ['mark.ellis'],
        body: 'On the patient side, community teams can help. When someone is offered surgery further from home, a call from the nurse who will look after them after discharge makes a real difference to whether they accept.',
      },
    ],
  },
  {
    key: 'girft-orthopaedics',
    collaborative: 'greater-manchester-acute',
    author: 'sarah.whitfield',
    kind: 'discussion',
    daysAgo: 9,
    title: 'Reducing unwarranted variation in hip and knee surgery',
    tags: ['unwarranted-variation', 'girft', 'orthopaedics'],
    body: `Our clinical service review put the Getting It Right First Time data for hip and knee surgery beside our own. Length of stay, day-case rates and theatre utilisation vary between our sites by more than case mix explains.

We are starting a shared improvement programme and would like to compare notes. Did you agree one standard pathway across sites, or let each site choose and then compare outcomes?`,
    votes: ['mark.ellis', 'aisha.rahman', 'james.rowe'],
    replies: [
      {
        key: 'choose-then-converge',
        author: 'mark.ellis',
        after: 8,
        body: 'Both, in that order. Letting sites choose first gave us the evidence to agree one pathway a year later, and the surgeons whose version did best became its champions. Publishing the data by site, not by surgeon, kept the conversation constructive.',
      },
      {
        key: 'before-referral',
        author: 'aisha.rahman',
        after: 28,
        body: 'Look at what happens before referral too. Some of the variation in our area was in primary care: how many patients were referred before trying physiotherapy. A shared musculoskeletal triage service evened that out.',
      },
    ],
  },
  {
    key: 'rotational-nursing',
    collaborative: 'sussex-community-providers',
    author: 'helen.clarke',
    kind: 'question',
    daysAgo: 6,
    title: 'Rotational nursing posts between community and acute: worth the effort?',
    tags: ['workforce', 'nursing', 'retention'],
    body: `We are losing newly qualified nurses in their second year, and exit interviews say they want broader experience. A rotation through community nursing, virtual wards and the acute trust's frailty unit could help, but it needs three employers to agree on pay, supervision and study time.

Has anyone run rotational posts across organisations? Did you use one employer with secondments, or a collaborative bank?`,
    replies: [
      {
        key: 'one-employer',
        author: 'david.mensah',
        after: 18,
        votes: ['helen.clarke'],
        body: 'We run rotations across our mental health trusts. One employer with honorary contracts elsewhere was simplest for payroll and pensions. What needed most work was preceptorship: the rotating nurse needs one named supervisor who follows them through every placement, or they fall through the gaps.',
      },
    ],
  },
  {
    key: 'population-health-first-cohort',
    collaborative: 'bradford-craven-act-as-one',
    author: 'aisha.rahman',
    kind: 'question',
    daysAgo: 15,
    title: 'Tackling health inequalities with population health data: where did you start?',
    tags: ['health-inequalities', 'population-health'],
    body: `Our place partnership has linked GP, hospital and council data for the first time. The temptation is to build dashboards for everything. I would rather start with one or two groups of people where the gap in outcomes is widest and where we can act together.

If you have done this: which group did you start with, and how did hospital, community and primary care teams come to own the same goal?`,
    votes: ['sarah.whitfield', 'david.mensah', 'helen.clarke'],
    accepted: 'smi-health-checks',
    replies: [
      {
        key: 'deprived-waiting-list',
        author: 'sarah.whitfield',
        after: 6,
        votes: ['aisha.rahman'],
        body: 'We started with people from our most deprived neighbourhoods on the elective waiting list. Prioritising them was contentious at first; framing it around missed appointments and the support people need to attend (transport, interpreters, prehabilitation) brought everyone along.',
      },
      {
        key: 'smi-health-checks',
        author: 'david.mensah',
        after: 10,
        votes: ['aisha.rahman', 'sarah.whitfield'],
        body: 'People with severe mental illness are a good first group. They die years earlier than the rest of the population, mostly of preventable physical illness, and the annual physical health check is a concrete measure every partner can contribute to.',
      },
      {
        key: 'starting-with-smi',
        author: 'aisha.rahman',
        after: 30,
        quotes: 'smi-health-checks',
        body: 'Thank you both. The physical health checks are something we can start on next month, and the data is already in the GP record, so that is where we will begin.',
      },
    ],
  },
  {
    key: 'winter-ring-fence',
    collaborative: 'greater-manchester-acute',
    author: 'mark.ellis',
    kind: 'question',
    daysAgo: 2,
    title: 'Elective hubs: how did you keep the ring-fence through winter?',
    tags: ['elective-recovery', 'surgical-hubs'],
    body: 'Every winter our elective hub is ring-fenced until the first bad week in the emergency department, and then it is not. If your hub kept operating through last winter: what made the ring-fence hold? A board-level commitment, a separate site, or something else?',
    replies: [],
  },
  {
    key: 'group-agency-spend',
    collaborative: 'foundation-group',
    author: 'mark.ellis',
    kind: 'discussion',
    daysAgo: 4,
    title: 'Group-wide controls on agency spend',
    tags: ['workforce', 'finance'],
    body: `Where we have got to as a group on agency spend, for discussion before the next board-to-board:

1. One rate card and one approval route for every agency shift above the cap.
2. A shared bank, so a nurse registered at one trust can work shifts at the others without a second set of checks.
3. Weekly reporting by ward, not by trust.

Comments please, especially on whether the shared bank should cover medical staff from the start.`,
    replies: [
      {
        key: 'nursing-first',
        author: 'sarah.whitfield',
        after: 7,
        body: 'Supportive of all three. I would start the bank with nursing and add medical staff in a second phase: the rota systems differ more, and bringing doctors in from day one would slow everything down.',
      },
    ],
  },
  {
    key: 'hear-and-treat-validation',
    collaborative: 'west-midlands-yorkshire-ambulance',
    author: 'james.rowe',
    kind: 'question',
    daysAgo: 3,
    title: 'Hear-and-treat: how do you validate lower-acuity calls safely?',
    tags: ['hear-and-treat', 'unwarranted-variation'],
    body: 'Our two services validate category 3 and 4 calls differently, and the share of calls closed by hear-and-treat differs by more than case mix explains. Before we align our models: how do you decide which calls get a clinician call-back, and how do you audit those closed without a face-to-face response?',
    replies: [
      {
        key: 'direct-referral',
        author: 'helen.clarke',
        after: 9,
        body: 'Not ambulance, but our urgent community response team takes referrals from an ambulance clinical hub. The calls that went best were those where the validating clinician could book us directly instead of advising the patient to call back. If you are redesigning, build a direct route into community services.',
      },
    ],
  },
  {
    key: 'out-of-area-placements',
    collaborative: 'south-london-mental-health-community',
    author: 'david.mensah',
    kind: 'discussion',
    daysAgo: 25,
    title: 'Bringing out-of-area placements home as a lead provider',
    tags: ['mental-health', 'out-of-area-placements'],
    body: 'Since we took on the budget for specialised mental health services as a lead provider, the biggest change has been less about money than about who is in the room when a placement is decided. Happy to share what we learned about case management and reinvesting savings in community alternatives, and keen to hear from collaboratives earlier on the way.',
    votes: ['helen.clarke'],
    replies: [
      {
        key: 'funding-case-managers',
        author: 'helen.clarke',
        after: 12,
        body: 'We are earlier on. How did you fund the case managers in the first year, before any savings came through?',
      },
      {
        key: 'invest-to-save',
        author: 'david.mensah',
        after: 15,
        quotes: 'funding-case-managers',
        body: 'With a one-off investment agreed by the partner trusts, repaid from the first savings. Of all our decisions, it mattered most.',
      },
    ],
  },
];
