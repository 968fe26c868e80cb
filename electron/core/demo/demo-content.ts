/**
 * Content of the demo workbook. Inspection findings, plan priorities, completed/delayed/not
 * achieved actions and the November 2020 milestone figures are public facts from the documents in
 * shared/seeds (Bristol WSOA update Nov 2020, Bristol cabinet report Jan 2023, North Somerset
 * action plan review Feb 2021) and England figures from shared/domain.md. People are roles, not
 * real individuals; local indicator values are marked as illustrative.
 */

export const AREA = {
  areaName: 'Bristol (demo)',
  laCode: '801',
  icb: 'Bristol, North Somerset and South Gloucestershire ICB',
  region: 'South West',
  // Bristol's statistical neighbours by DfE LA code: Leeds, Sheffield, Southampton, Plymouth, Brighton and Hove.
  statisticalNeighbours: ['383', '373', '852', '879', '846'],
  protectiveMarking: 'OFFICIAL-SENSITIVE',
  authorName: 'SEND Improvement Lead',
  statusKeyId: 'brag',
  defaultFrameworkId: 'area-send-2025',
};

export const PARTNERS = [
  { key: 'council', name: 'Bristol City Council', kind: 'council' },
  { key: 'icb', name: 'BNSSG Integrated Care Board (CCG before July 2022)', kind: 'health' },
  { key: 'care', name: "Children's social care", kind: 'social_care' },
  { key: 'pcf', name: 'Parent carer forum', kind: 'parent_carer_forum' },
  { key: 'schools', name: 'Schools and settings', kind: 'education' },
  { key: 'sendiass', name: 'SENDIASS', kind: 'other' },
] as const;

export type PartnerKey = (typeof PARTNERS)[number]['key'];

export const PEOPLE = [
  { key: 'director', name: 'Director of Education and Skills', role: 'Senior responsible officer', partner: 'council' },
  { key: 'headSend', name: 'Head of SEND Services', role: 'Lead officer', partner: 'council' },
  { key: 'dco', name: 'Designated Clinical Officer', role: 'Health lead for SEND', partner: 'icb' },
  { key: 'commissioning', name: 'Joint Commissioning Manager', role: 'Commissioning lead', partner: 'icb' },
  { key: 'inclusion', name: 'Inclusion and Belonging Lead', role: 'Lead officer', partner: 'council' },
  { key: 'localOffer', name: 'Local Offer Manager', role: 'Lead officer', partner: 'council' },
  { key: 'pep', name: 'Principal Educational Psychologist', role: 'Lead officer', partner: 'council' },
  { key: 'data', name: 'SEND Data and Performance Lead', role: 'Lead officer', partner: 'council' },
  { key: 'careLead', name: 'Service Manager, Disabled Children', role: 'Lead officer', partner: 'care' },
  { key: 'pcfChair', name: 'Parent Carer Forum Chair', role: 'Co-production partner', partner: 'pcf' },
] as const;

export type PersonKey = (typeof PEOPLE)[number]['key'];

/** The five significant weaknesses of the October 2019 inspection, as the cabinet report quotes them. */
export const WEAKNESSES = [
  { ref: 'SW1', title: 'Accountability of leaders', text: 'The lack of accountability of leaders at all levels, including school leaders.' },
  {
    ref: 'SW2',
    title: 'Identification and assessment',
    text: "The inconsistencies in the timeliness and effectiveness of the local area's arrangements for the identification and assessment of children and young people with SEND.",
  },
  { ref: 'SW3', title: 'EHC plan process and quality', text: 'The dysfunctional EHC plan process, and inadequate quality of EHC plans.' },
  {
    ref: 'SW4',
    title: 'Achievement and inclusion',
    text: 'The underachievement and lack of inclusion of children and young people with SEND, including the high rates of persistent absenteeism and fixed-term exclusions.',
  },
  {
    ref: 'SW5',
    title: 'Relationships with parents and carers',
    text: 'The fractured relationships with parents and carers, lack of co-production and variable engagement and collaboration.',
  },
] as const;

export const REVISIT_COMMENTARY = [
  'Improvements in accountability are leading to better support for children and young people with SEND; school leaders value the transformation of systems and processes since the previous inspection.',
  'Identification and assessment is improving, with the Ordinarily Available Provision document detailing interventions to meet needs within typical school assessment and support processes.',
  'Effective joint working between professionals has resulted in real improvements to the timeliness and quality of EHC plans, with a stronger focus on outcomes and on capturing the voice of the child and family.',
  'Support for children and young people with SEND is getting better; the proportion with an EHC plan who have been excluded has fallen, though more is needed on regular attendance.',
  'Difficult relationships with parents and carers found at the last inspection had continued. Some parents and carers continue to lack trust in the system, although the majority accessing services more recently are positive about their experience.',
];

export interface DemoAction {
  ref: string;
  what: string;
  how?: string;
  lead: PersonKey;
  sro?: PersonKey;
  partner: PartnerKey;
  startsOn: string;
  dueOn: string;
  revisedDueOn?: string;
  revisedDueReason?: string;
  status: 'complete' | 'delayed' | 'not_achieved' | 'on_track' | 'not_started';
  success?: string;
  references?: string;
  /** Milestone statuses, in order (November 2020 milestones for the WSOA). */
  milestones: ('achieved' | 'partially_achieved' | 'not_achieved' | 'not_yet_due')[];
  highlights: string;
  issues?: string;
  mitigation?: string;
}

export interface DemoPriority {
  ref: string;
  title: string;
  weakness: number;
  actions: DemoAction[];
}

const A = 'achieved' as const;
const P = 'partially_achieved' as const;
const N = 'not_achieved' as const;

/**
 * The WSOA's five priorities with the November 2020 position. Milestone counts add up to the
 * published figures: 66 milestones, 33 largely achieved, 26 partially achieved, 7 not achieved.
 */
export const WSOA_PRIORITIES: DemoPriority[] = [
  {
    ref: '1',
    title: 'Accountability',
    weakness: 0,
    actions: [
      { ref: '1.1', what: 'Reliable data and evidence used by partnership leaders to check progress against the WSOA', lead: 'data', sro: 'director', partner: 'council', startsOn: '2020-03-01', dueOn: '2020-11-30', status: 'complete', success: 'A local data set is updated monthly and available online for public scrutiny.', references: 'Written Statement of Action, ASW1.1', milestones: [A, A, A, A], highlights: 'Managers are using high quality data reports to plan for peaks in demand and monitor statutory processes. A local data set is updated monthly and available online.' },
      { ref: '1.2', what: 'Agree a shared joint commissioning framework', lead: 'commissioning', sro: 'director', partner: 'icb', startsOn: '2020-03-01', dueOn: '2020-11-30', status: 'complete', success: 'Framework agreed and part of the local NHS Sustainability and Transformation Plan.', references: 'Written Statement of Action, ASW1.2', milestones: [A, A, A], highlights: 'A shared commissioning framework has been agreed and is part of the local NHS Sustainability and Transformation Plan.' },
      { ref: '1.3', what: 'Improve complaints processes and learn from them', lead: 'headSend', sro: 'director', partner: 'council', startsOn: '2020-03-01', dueOn: '2020-11-30', status: 'complete', milestones: [A, A], highlights: 'Complaints are responded to in a timely way; issues raised are added to staff training so that mistakes are not repeated.' },
      { ref: '1.4', what: 'Publish clear funding arrangements for the High Needs Block', lead: 'headSend', sro: 'director', partner: 'council', startsOn: '2020-03-01', dueOn: '2020-11-30', revisedDueOn: '2021-04-30', revisedDueReason: 'Consultation on the new High Needs Block (SEND funding) matrix must finish first; agreed at the SEND Improvement Board.', status: 'delayed', milestones: [P, P, A], highlights: 'A video explaining EHC plan funding is available on the Local Offer.', issues: 'Criteria for allocating funding not yet published while the new matrix is consulted on.', mitigation: 'Publish after consultation closes; interim guidance on the Local Offer.' },
      { ref: '1.5', what: 'Review contracts within the new commissioning framework, informed by BAME research', lead: 'commissioning', sro: 'director', partner: 'icb', startsOn: '2020-06-01', dueOn: '2020-11-30', status: 'delayed', milestones: [P, P, P], highlights: 'BAME research almost complete and will be used to plan services to meet need.', issues: 'Contract reviews not yet started.' },
    ],
  },
  {
    ref: '2',
    title: 'Identification and Assessment',
    weakness: 1,
    actions: [
      { ref: '2.1', what: 'Training for education settings on identification and support', lead: 'inclusion', sro: 'director', partner: 'schools', startsOn: '2020-03-01', dueOn: '2020-11-30', status: 'complete', milestones: [A, A, A, A], highlights: 'Regular SENDCo communications; Early Years SEND training and health training for settings in place; schools trained on social, emotional and mental health needs.' },
      { ref: '2.2', what: 'Embed the graduated response and Ordinarily Available Provision', lead: 'inclusion', sro: 'director', partner: 'schools', startsOn: '2020-03-01', dueOn: '2020-11-30', status: 'complete', milestones: [A, A, P], highlights: 'The Bristol Support Plan is widely used by settings; Ordinarily Available Provision guidance developed and being consulted on.' },
      { ref: '2.3', what: 'Align the early identification register and the disabled children’s register', lead: 'careLead', sro: 'director', partner: 'care', startsOn: '2020-03-01', dueOn: '2020-11-30', status: 'complete', milestones: [A], highlights: "Early Identification register and disabled children's register are aligned." },
      { ref: '2.4', what: 'Wider workforce training and a shared outcomes framework', lead: 'inclusion', sro: 'director', partner: 'council', startsOn: '2020-06-01', dueOn: '2020-11-30', revisedDueOn: '2021-03-31', revisedDueReason: 'Workforce development plan agreed; roll-out moved to spring term 2021 (agreed with DfE adviser).', status: 'delayed', milestones: [P, P, P], highlights: 'Workforce development plan agreed; outcomes framework re-launch under way with training from January to March.' },
      { ref: '2.5', what: 'Share Health Visitor assessment information and restore 2-year reviews', lead: 'dco', sro: 'director', partner: 'icb', startsOn: '2020-03-01', dueOn: '2020-11-30', status: 'not_achieved', milestones: [N, N, P], highlights: 'A system has been developed to share data from Health Visitor assessments, to be rolled out in 2021.', issues: 'The target uptake of 2-year-old Health Visitor reviews has not been met due to Covid-19; community paediatrics transformation delayed.', mitigation: 'Recovery plan with the community health provider.' },
    ],
  },
  {
    ref: '3',
    title: 'Education, Health and Care Plans',
    weakness: 2,
    actions: [
      { ref: '3.1', what: 'EHC plan quality assurance framework and audits informing training', lead: 'headSend', sro: 'director', partner: 'council', startsOn: '2020-03-01', dueOn: '2020-11-30', status: 'complete', success: 'Audited plans rated good or better rise each quarter.', milestones: [A, A, A, A], highlights: 'QA Framework in place and EHC plan audits happening; QA activity informs staff training; single template for health contributions.' },
      { ref: '3.2', what: 'Improve EHC plan timeliness and clear the 2019 backlog', lead: 'headSend', sro: 'director', partner: 'council', startsOn: '2020-03-01', dueOn: '2020-11-30', status: 'complete', success: 'EHC plans issued within 20 weeks improve month on month.', milestones: [A, A, A], highlights: 'EHC plan timeliness is improving month on month; the 2019 backlog of EHC needs assessment requests cleared.' },
      { ref: '3.3', what: 'Co-designed EHC plan template, plain-English letters and annual review paperwork ("Time for Change")', lead: 'headSend', sro: 'director', partner: 'pcf', startsOn: '2020-06-01', dueOn: '2020-11-30', revisedDueOn: '2021-01-31', revisedDueReason: 'Consultation on the co-designed template extended so parents could take part; agreed by the SEND Improvement Board.', status: 'delayed', milestones: [P, P, P, P], highlights: 'Template co-designed with parents and professionals is being consulted on; statutory letters rewritten in plain English; annual review paperwork improved.' },
      { ref: '3.4', what: 'Joint operational arrangements with health and partnership-wide QA audits', lead: 'dco', sro: 'director', partner: 'icb', startsOn: '2020-06-01', dueOn: '2020-11-30', status: 'delayed', milestones: [P, P, P, P], highlights: 'Joint operational arrangements with health in place from January.', issues: 'We do not yet have the data to monitor SEN staff retention and sickness levels; some Educational Psychologist vacancies remain.' },
    ],
  },
  {
    ref: '4',
    title: 'Inclusion',
    weakness: 3,
    actions: [
      { ref: '4.1', what: 'Review Alternative Learning Provision and resource bases', lead: 'inclusion', sro: 'director', partner: 'council', startsOn: '2020-03-01', dueOn: '2020-11-30', status: 'complete', milestones: [A, A], highlights: 'The review has happened and findings will be used to plan more effective use of these provisions.' },
      { ref: '4.2', what: 'Consistent transitions from Early Years to year 1, and from children’s to adult social care', lead: 'careLead', sro: 'director', partner: 'care', startsOn: '2020-03-01', dueOn: '2020-11-30', status: 'complete', milestones: [A, A, A], highlights: 'Clear transition path from reception to year 1; health autism pathway and autism hub developed; transition to adult social care supported by robust data.' },
      { ref: '4.3', what: 'Belonging in Education strategy, toolkits and ACE-aware training', lead: 'inclusion', sro: 'director', partner: 'schools', startsOn: '2020-06-01', dueOn: '2020-11-30', status: 'delayed', milestones: [P, P, P], highlights: 'The Belonging in Education Strategy is out for consultation; ACE-aware training is being rolled out; a SEND school improvement lead starts in January 2021.' },
      { ref: '4.4', what: 'Additional specialist places and attendance and exclusion mapping', lead: 'inclusion', sro: 'director', partner: 'council', startsOn: '2020-03-01', dueOn: '2020-11-30', status: 'not_achieved', milestones: [N, N, P, P], highlights: 'Planning for additional specialist places continues.', issues: 'Covid-19 has impacted additional specialist places and the co-produced attendance and exclusion assessment tool.' },
    ],
  },
  {
    ref: '5',
    title: 'Relationship with Parents',
    weakness: 4,
    actions: [
      { ref: '5.1', what: 'Raise awareness and use of the Local Offer', lead: 'localOffer', sro: 'director', partner: 'council', startsOn: '2020-03-01', dueOn: '2020-11-30', status: 'complete', success: 'Local Offer visits rise; families report finding information easily.', milestones: [A, A, A, A], highlights: 'Local Offer website hits up 90% since August 2020; a Facebook page reaches over 3,000 people a month.' },
      { ref: '5.2', what: 'Autumn parent carer survey', lead: 'localOffer', sro: 'director', partner: 'pcf', startsOn: '2020-06-01', dueOn: '2020-11-30', revisedDueOn: '2021-01-31', revisedDueReason: 'Deferred to January to improve the response rate; agreed with the parent carer forum.', status: 'delayed', milestones: [P, P], highlights: 'Survey questions agreed with parent carers.' },
      { ref: '5.3', what: 'Co-production charter and training of local area leaders', lead: 'headSend', sro: 'director', partner: 'pcf', startsOn: '2020-03-01', dueOn: '2020-11-30', status: 'not_achieved', milestones: [N, N, N, P], highlights: 'The first co-production workshop for partnership leaders took place in early December.', issues: 'Co-production workshops were delayed due to Covid-19.', mitigation: 'A co-produced programme of workshops for all staff in 2021, leading to the published charter.' },
    ],
  },
];

/** The SEND Partnership Plan that followed the 2022 revisit (the plan in force in the demo). */
export const PARTNERSHIP_PRIORITIES: DemoPriority[] = [
  {
    ref: '1',
    title: 'Accountability of leaders and co-production',
    weakness: 0,
    actions: [
      { ref: '1.1', what: 'Make co-production a fully established way of working between leaders and parents and carers', lead: 'headSend', sro: 'director', partner: 'pcf', startsOn: '2023-04-01', dueOn: '2026-03-31', status: 'on_track', milestones: ['achieved', 'achieved', 'partially_achieved'], highlights: 'Co-production charter published; joint leadership workshops held each term.' },
      { ref: '1.2', what: 'Partnership board reviews a joint outcomes dashboard every six weeks', lead: 'data', sro: 'director', partner: 'council', startsOn: '2023-04-01', dueOn: '2026-12-31', status: 'on_track', milestones: ['achieved', 'not_yet_due'], highlights: 'Dashboard reviewed at every board since June 2023.' },
    ],
  },
  {
    ref: '2',
    title: 'Identification and assessment in every setting',
    weakness: 1,
    actions: [
      { ref: '2.1', what: 'Every school applies Ordinarily Available Provision, checked through SENCo network audits', lead: 'inclusion', sro: 'director', partner: 'schools', startsOn: '2023-04-01', dueOn: '2026-07-31', status: 'delayed', milestones: ['achieved', 'partially_achieved', 'not_achieved'], highlights: 'Audit tool agreed with SENCo networks.', issues: 'Audit returns from secondary schools are low.', mitigation: 'Audits added to school improvement partner visits.' },
    ],
  },
  {
    ref: '3',
    title: 'Timely, high-quality EHC plans',
    weakness: 2,
    actions: [
      { ref: '3.1', what: 'No family waits 52 weeks for an EHC needs assessment; improve average waits', lead: 'headSend', sro: 'director', partner: 'council', startsOn: '2023-04-01', dueOn: '2026-09-30', status: 'on_track', success: 'EHC plans issued within 20 weeks above the England average; no assessment over 52 weeks.', milestones: ['achieved', 'achieved', 'partially_achieved'], highlights: 'No assessments over 52 weeks since March 2025; 20-week timeliness above England for two years.' },
      { ref: '3.2', what: 'Health advice for EHC needs assessments returned within 6 weeks', lead: 'dco', sro: 'director', partner: 'icb', startsOn: '2023-04-01', dueOn: '2026-10-31', status: 'on_track', milestones: ['achieved', 'not_achieved'], highlights: 'Professional portal live for health contributions.', issues: 'Therapy advice still late in a quarter of cases.' },
    ],
  },
  {
    ref: '4',
    title: 'Inclusion and attendance',
    weakness: 3,
    actions: [
      { ref: '4.1', what: 'Reduce persistent absence of pupils with an EHC plan below the England rate', lead: 'inclusion', sro: 'director', partner: 'schools', startsOn: '2023-09-01', dueOn: '2027-07-31', status: 'on_track', milestones: ['partially_achieved', 'not_yet_due'], highlights: 'Attendance support offer in place for all special schools.' },
    ],
  },
  {
    ref: '5',
    title: 'Trust and communication with parents and carers',
    weakness: 4,
    actions: [
      { ref: '5.1', what: 'Re-establish a formal body representing parents and carers', lead: 'headSend', sro: 'director', partner: 'pcf', startsOn: '2023-01-01', dueOn: '2023-09-30', status: 'complete', milestones: ['achieved'], highlights: 'The parent carer forum is re-established and sits on the partnership board.' },
      { ref: '5.2', what: 'Every family gets a named contact and a reply within 10 working days', lead: 'localOffer', sro: 'director', partner: 'council', startsOn: '2024-01-01', dueOn: '2026-06-30', revisedDueOn: '2027-01-31', revisedDueReason: 'Case management system replacement moved by the council’s IT programme; agreed at the partnership board, 15/05/2026.', status: 'delayed', milestones: ['achieved', 'partially_achieved'], highlights: 'Named contacts in place for all new assessments.', issues: 'Existing caseload not yet allocated named contacts.' },
    ],
  },
];

export interface DemoEvidence {
  key: string;
  title: string;
  kind: string;
  level: 'activity' | 'output' | 'impact';
  summary: string;
  owner: PersonKey;
  from: string;
  to?: string;
  location: string;
  personal?: boolean;
  links: { type: 'finding' | 'priority' | 'action' | 'milestone' | 'indicator' | 'sefSection'; ref: string }[];
}

/**
 * Link refs: findings "SW1".."SW5"; WSOA actions "wsoa:1.1"; partnership actions "plan:3.1";
 * partnership priorities "plan:P3"; indicators by code; SEF sections by criterion id.
 */
export const EVIDENCE: DemoEvidence[] = [
  { key: 'wsoaUpdate', title: 'Written Statement of Action update: November 2020', kind: 'board_paper', level: 'output', summary: '66 milestones due by November 2020: 33 largely achieved, 26 partially achieved and on track, 7 not yet achieved. DfE and NHSE advisers described progress as “really encouraging”.', owner: 'headSend', from: '2020-07-01', to: '2020-11-30', location: 'Local Offer website: WSOA progress reports', links: [{ type: 'finding', ref: 'SW1' }, { type: 'action', ref: 'wsoa:1.1' }] },
  { key: 'revisitLetter', title: 'Ofsted and CQC revisit letter (published 25/11/2022)', kind: 'inspection_report', level: 'impact', summary: 'Four of the five significant weaknesses showing sufficient progress; relationships with parents and carers not yet.', owner: 'director', from: '2022-10-03', to: '2022-10-07', location: 'Ofsted reports website', links: [{ type: 'finding', ref: 'SW1' }, { type: 'finding', ref: 'SW2' }, { type: 'finding', ref: 'SW3' }, { type: 'finding', ref: 'SW4' }, { type: 'finding', ref: 'SW5' }, { type: 'sefSection', ref: 'leadership' }] },
  { key: 'cabinet', title: 'Cabinet report: Local Area Re-inspection October 2022 (24/01/2023)', kind: 'board_paper', level: 'output', summary: 'Outcome of the revisit and next steps, including the Accelerated Action Plan for relationships with parents and carers.', owner: 'director', from: '2022-10-01', to: '2023-01-24', location: 'Council democracy website', links: [{ type: 'finding', ref: 'SW5' }, { type: 'sefSection', ref: 'leadership' }] },
  { key: 'dataset', title: 'Monthly statutory SEND data set (open data)', kind: 'data_report', level: 'output', summary: 'Statutory process data published monthly so service users can hold the council to account.', owner: 'data', from: '2020-11-01', to: '2026-10-31', location: 'Open Data website', links: [{ type: 'action', ref: 'wsoa:1.1' }, { type: 'action', ref: 'plan:1.2' }, { type: 'indicator', ref: 'EHC20' }] },
  { key: 'oap', title: 'Ordinarily Available Provision guidance for schools', kind: 'strategy', level: 'output', summary: 'What every school should provide without an EHC plan or extra funding; co-produced with parent carers and schools.', owner: 'inclusion', from: '2021-01-01', location: 'Local Offer: Ordinarily Available Provision', links: [{ type: 'action', ref: 'wsoa:2.2' }, { type: 'action', ref: 'plan:2.1' }, { type: 'sefSection', ref: 'needs_identified' }] },
  { key: 'ehcpAudit', title: 'EHC plan quality audit: quarterly summary', kind: 'audit', level: 'output', summary: 'Multi-agency audit of a sample of plans against the QA framework; themes feed training.', owner: 'headSend', from: '2024-04-01', to: '2026-09-30', location: 'SharePoint: SEND QA / audits', links: [{ type: 'action', ref: 'wsoa:3.1' }, { type: 'action', ref: 'plan:3.1' }, { type: 'sefSection', ref: 'right_help' }] },
  { key: 'ehcpTimeliness', title: 'EHC plan timeliness: 20-week rate against England, 2023 to 2025', kind: 'data_report', level: 'impact', summary: 'Share of EHC plans issued within 20 weeks rose above the England rate and stayed there; no assessment over 52 weeks since March 2025.', owner: 'data', from: '2023-01-01', to: '2025-12-31', location: 'Partnership dashboard: EHC timeliness', links: [{ type: 'action', ref: 'plan:3.1' }, { type: 'priority', ref: 'plan:P3' }, { type: 'indicator', ref: 'EHC20' }, { type: 'sefSection', ref: 'needs_identified' }] },
  { key: 'jam', title: 'Joint Assessment Meetings pilot: evaluation', kind: 'case_study', level: 'impact', summary: 'Families, SENCos, educational psychologists and caseworkers meet at the start of an assessment; families tell their story once.', owner: 'pep', from: '2020-10-01', to: '2021-07-31', location: 'SharePoint: Time for Change / JAM', links: [{ type: 'action', ref: 'plan:3.1' }, { type: 'finding', ref: 'SW3' }, { type: 'sefSection', ref: 'participation' }] },
  { key: 'pcp', title: 'Person Centred Planning training: participant feedback', kind: 'survey', level: 'output', summary: 'Three days of training across the local area; feedback overwhelmingly positive.', owner: 'pep', from: '2020-09-01', to: '2020-11-30', location: 'SharePoint: workforce development', links: [{ type: 'action', ref: 'wsoa:3.3' }] },
  { key: 'voiceMatrix', title: 'Children and young people’s voice matrix: five outcomes questions', kind: 'cyp_voice', level: 'activity', summary: 'Every child and young person is asked five key outcomes questions at the start of an assessment or review, visually as well as in words.', owner: 'pep', from: '2021-03-01', location: 'Local Offer: having your say', links: [{ type: 'action', ref: 'wsoa:3.3' }, { type: 'sefSection', ref: 'participation' }] },
  { key: 'ypForum', title: 'Young people’s SEND forum: what we told the partnership (2026)', kind: 'cyp_voice', level: 'impact', summary: 'Young people report being listened to at annual reviews; ask for better information on preparation for adulthood.', owner: 'localOffer', from: '2026-01-01', to: '2026-07-31', location: 'SharePoint: participation', links: [{ type: 'sefSection', ref: 'participation' }, { type: 'priority', ref: 'plan:P3' }] },
  { key: 'parentSurvey', title: 'Parent carer survey 2026: headline results', kind: 'parent_carer_voice', level: 'impact', summary: 'Satisfaction with the EHC process up on 2024; communication remains the main concern.', owner: 'localOffer', from: '2026-03-01', to: '2026-04-30', location: 'SharePoint: surveys', links: [{ type: 'action', ref: 'plan:5.2' }, { type: 'priority', ref: 'plan:P3' }, { type: 'indicator', ref: 'PCS' }, { type: 'sefSection', ref: 'participation' }] },
  { key: 'localOfferStats', title: 'Local Offer website and Facebook reach', kind: 'data_report', level: 'output', summary: 'Website hits up 90% since August 2020; Facebook page reaches over 3,000 people a month.', owner: 'localOffer', from: '2020-08-01', to: '2020-11-30', location: 'Web analytics export', links: [{ type: 'action', ref: 'wsoa:5.1' }, { type: 'indicator', ref: 'LOV' }] },
  { key: 'coproWorkshop', title: 'Co-production workshop notes: partnership leaders (December 2020)', kind: 'coproduction_record', level: 'activity', summary: 'First co-production workshop for leaders; agreed principles for the charter.', owner: 'headSend', from: '2020-12-01', to: '2020-12-31', location: 'SharePoint: co-production', links: [{ type: 'action', ref: 'wsoa:5.3' }, { type: 'action', ref: 'plan:1.1' }] },
  { key: 'belonging', title: 'Belonging Strategy (launched October 2021)', kind: 'strategy', level: 'activity', summary: 'Inclusion at the heart of the city’s recovery from the pandemic.', owner: 'inclusion', from: '2021-10-01', location: 'Council website', links: [{ type: 'action', ref: 'wsoa:4.3' }, { type: 'sefSection', ref: 'valued_included' }] },
  { key: 'exclusions', title: 'Suspensions and exclusions of pupils with an EHC plan, 2019/20 to 2024/25', kind: 'data_report', level: 'impact', summary: 'The proportion of children and young people with an EHC plan excluded from school has fallen.', owner: 'data', from: '2019-09-01', to: '2025-07-31', location: 'Partnership dashboard: inclusion', links: [{ type: 'finding', ref: 'SW4' }, { type: 'action', ref: 'plan:4.1' }, { type: 'sefSection', ref: 'next_steps_outcomes' }] },
  { key: 'board', title: 'SEND Partnership Board minutes, 15/05/2026', kind: 'minutes', level: 'activity', summary: 'Board agreed the revised date for named contacts (action 5.2) and reviewed the outcomes dashboard.', owner: 'director', from: '2026-05-15', to: '2026-05-15', location: 'SharePoint: board papers', links: [{ type: 'action', ref: 'plan:5.2' }, { type: 'action', ref: 'plan:1.2' }] },
  { key: 'caseStudy', title: 'Case study: tracked journey of a young person moving to post-16 (pseudonymised)', kind: 'case_study', level: 'impact', summary: 'Multi-agency planning from year 9 led to a supported internship. Contains pseudonymised personal details.', owner: 'careLead', from: '2025-09-01', to: '2026-07-31', location: 'Secure drive: case studies', personal: true, links: [{ type: 'sefSection', ref: 'next_steps_outcomes' }, { type: 'priority', ref: 'plan:P3' }] },
  { key: 'nsReview', title: 'North Somerset SEND action plan review (February 2021), used as a model for RAG commentary', kind: 'peer_review', level: 'output', summary: 'Refused assessments fell from 50% to 6%; 20-week timeliness recovering but low (16%). A model for highlights and risks reporting.', owner: 'headSend', from: '2020-06-01', to: '2021-02-28', location: 'North Somerset Council committee papers', links: [{ type: 'indicator', ref: 'RTA' }] },
];

export interface DemoIndicator {
  code: string;
  title: string;
  definition: string;
  unit: string;
  polarity: 'higher_is_better' | 'lower_is_better';
  source: string;
  periodType: 'calendar_year' | 'academic_year' | 'term' | 'month';
  baseline?: { value: number; period: string };
  seriesBreak?: string;
  /** [period label, period start, local, england] */
  values: [string, string, number | null, number | null][];
  targets: [string, number][];
}

export const INDICATORS: DemoIndicator[] = [
  {
    code: 'EHC20',
    title: 'EHC plans issued within 20 weeks (excluding exceptions)',
    definition: 'New EHC plans issued within the 20-week statutory time limit, excluding exceptions, as a share of all new plans in the calendar year.',
    unit: '%',
    polarity: 'higher_is_better',
    source: 'DfE: Education, health and care plans (England figures); local values illustrative for the demo',
    periodType: 'calendar_year',
    baseline: { value: 38, period: '2019' },
    seriesBreak: 'From 2023 the DfE collection is person-level (SEN2), so earlier years are not strictly comparable.',
    values: [
      ['2016', '2016-01-01', null, 58.6],
      ['2017', '2017-01-01', null, 64.9],
      ['2019', '2019-01-01', 38, 60.4],
      ['2021', '2021-01-01', 55, 59.9],
      ['2022', '2022-01-01', 52, 49.2],
      ['2023', '2023-01-01', 57, 50.3],
      ['2024', '2024-01-01', 61, 46.4],
    ],
    targets: [
      ['2024', 60],
      ['2025', 65],
    ],
  },
  {
    code: 'PA-EHCP',
    title: 'Persistent absence: pupils with an EHC plan',
    definition: 'Pupils with an EHC plan missing 10% or more of possible sessions.',
    unit: '%',
    polarity: 'lower_is_better',
    source: 'DfE: Pupil absence in schools in England (England figure, autumn term 2023/24); local value illustrative',
    periodType: 'term',
    values: [['Autumn 2023/24', '2023-09-01', 36.1, 34.6]],
    targets: [['Autumn 2023/24', 34.6]],
  },
  {
    code: 'PA-SENS',
    title: 'Persistent absence: pupils on SEN support',
    definition: 'Pupils on SEN support missing 10% or more of possible sessions.',
    unit: '%',
    polarity: 'lower_is_better',
    source: 'DfE: Pupil absence in schools in England (England figure, autumn term 2023/24); local value illustrative',
    periodType: 'term',
    values: [['Autumn 2023/24', '2023-09-01', 28.4, 29.9]],
    targets: [],
  },
  {
    code: 'RTA',
    title: 'Requests for EHC needs assessment refused',
    definition: 'Refusals to assess as a share of requests in the period (North Somerset review figures used as the example).',
    unit: '%',
    polarity: 'lower_is_better',
    source: 'North Somerset SEND action plan review, February 2021',
    periodType: 'academic_year',
    values: [
      ['2019/20', '2019-09-01', 50, null],
      ['2020/21', '2020-09-01', 6, null],
    ],
    targets: [['2020/21', 10]],
  },
  {
    code: 'LOV',
    title: 'Local Offer website visits (index, August 2020 = 100)',
    definition: 'Monthly website visits indexed to August 2020.',
    unit: 'index',
    polarity: 'higher_is_better',
    source: 'Bristol WSOA update, November 2020 (hits up 90% since August 2020)',
    periodType: 'month',
    values: [
      ['Aug 2020', '2020-08-01', 100, null],
      ['Nov 2020', '2020-11-01', 190, null],
    ],
    targets: [['Nov 2020', 150]],
  },
  {
    code: 'PCS',
    title: 'Parent carers satisfied with the EHC process',
    definition: 'Share of parent carer survey respondents who agree the EHC process worked well for their family.',
    unit: '%',
    polarity: 'higher_is_better',
    source: 'Local parent carer survey (illustrative values for the demo)',
    periodType: 'calendar_year',
    values: [
      ['2021', '2021-01-01', 41, null],
      ['2024', '2024-01-01', 52, null],
      ['2026', '2026-01-01', 58, null],
    ],
    targets: [['2026', 65]],
  },
];

export interface DemoSection {
  criterion: string;
  judgement: string;
  confidence: 'low' | 'medium' | 'high';
  whatWeKnow: string;
  whatWeHaveDone: string;
  impact: string;
  whatNext: string;
  strengths: string;
  areasForDevelopment: string;
  actions: string[];
}

export const SEF_SECTIONS: DemoSection[] = [
  {
    criterion: 'needs_identified',
    judgement: 'inconsistent',
    confidence: 'medium',
    whatWeKnow: 'EHC needs assessments are now timely for most families: the 20-week rate has been above England for two years (E-007). Identification in schools is improving but uneven: audits of Ordinarily Available Provision show secondary schools lagging.',
    whatWeHaveDone: 'Cleared the 2019 backlog; introduced Joint Assessment Meetings; published Ordinarily Available Provision guidance (E-005); professional portal for health advice.',
    impact: 'No family has waited more than 52 weeks since March 2025 (E-007). Parents report telling their story once.',
    whatNext: 'Secondary school OAP audits through school improvement partners (action 2.1); health advice within 6 weeks (action 3.2).',
    strengths: 'Timeliness of EHC plans above England.',
    areasForDevelopment: 'Consistency of identification in secondary schools.',
    actions: ['plan:2.1', 'plan:3.2'],
  },
  {
    criterion: 'participation',
    judgement: 'inconsistent',
    confidence: 'medium',
    whatWeKnow: 'Children and young people are asked five outcomes questions at every assessment and review (E-010); the 2026 young people’s forum says they feel listened to (E-011). Parent satisfaction is rising but below target (E-012).',
    whatWeHaveDone: 'Voice matrix, person-centred planning training, co-production charter, re-established parent carer forum.',
    impact: 'Satisfaction with the EHC process rose from 41% (2021) to 58% (2026).',
    whatNext: 'Named contacts for every family (action 5.2); co-production as business as usual (action 1.1).',
    strengths: 'Voice of the child captured in plans.',
    areasForDevelopment: 'Trust and communication with some parents and carers.',
    actions: ['plan:1.1', 'plan:5.2'],
  },
  {
    criterion: 'right_help',
    judgement: 'inconsistent',
    confidence: 'low',
    whatWeKnow: 'Plan quality is improving in audits (E-006) but therapy advice is late in a quarter of cases.',
    whatWeHaveDone: 'QA framework and quarterly audits; joint operational arrangements with health.',
    impact: '',
    whatNext: 'Therapy capacity plan with the ICB (action 3.2).',
    strengths: '',
    areasForDevelopment: 'Waiting times for therapies and autism assessment.',
    actions: ['plan:3.2'],
  },
  {
    criterion: 'next_steps_outcomes',
    judgement: 'inconsistent',
    confidence: 'medium',
    whatWeKnow: 'Exclusions of pupils with an EHC plan have fallen (E-016); persistent absence of pupils with an EHC plan is above England.',
    whatWeHaveDone: 'Attendance support offer for special schools; supported internships.',
    impact: 'Fewer exclusions of pupils with an EHC plan since 2019/20.',
    whatNext: 'Reduce persistent absence below England (action 4.1).',
    strengths: 'Falling exclusions.',
    areasForDevelopment: 'Attendance.',
    actions: ['plan:4.1'],
  },
  {
    criterion: 'valued_included',
    judgement: 'inconsistent',
    confidence: 'low',
    whatWeKnow: 'The Belonging Strategy sets inclusion at the heart of recovery (E-015).',
    whatWeHaveDone: 'Belonging Strategy launched October 2021; inclusion summit.',
    impact: '',
    whatNext: 'Gather young people’s views on inclusion in their communities.',
    strengths: '',
    areasForDevelopment: 'Evidence of impact on inclusion in communities.',
    actions: [],
  },
  {
    criterion: 'leadership',
    judgement: 'positive',
    confidence: 'medium',
    whatWeKnow: 'The 2022 revisit found sufficient progress on four of five weaknesses (E-002); leaders monitor a joint outcomes dashboard every six weeks.',
    whatWeHaveDone: 'SEND Partnership Plan with shared governance; Accelerated Progress Plan for relationships with parents.',
    impact: 'Sufficient progress on accountability, identification, EHC plans and inclusion (E-002).',
    whatNext: 'Keep the dashboard under review (action 1.2).',
    strengths: 'Joint leadership and governance.',
    areasForDevelopment: 'Oversight of alternative provision.',
    actions: ['plan:1.2'],
  },
];
