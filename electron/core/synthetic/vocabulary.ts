/**
 * Words and phrases a local area SEND partnership writes, drawn from the domain brief and the
 * seed documents (Bristol WSOA update 2020, Bristol cabinet report 2023, North Somerset action
 * plan review 2021). The generator combines them into sentences of varying length.
 */

export const AREA = {
  areaName: 'Wexcombe',
  laCode: 'E06000999',
  icb: 'NHS Wexcombe and Vale Integrated Care Board',
  region: 'South West',
  /** By LA code, as Settings requires (invented codes in the unitary range, like the area's own). */
  statisticalNeighbours: ['E06000991', 'E06000992', 'E06000993', 'E06000994', 'E06000995'],
  authorName: 'SEND Improvement Lead',
};

export const PARTNERS: { name: string; kind: 'council' | 'health' | 'social_care' | 'parent_carer_forum' | 'education' | 'other' }[] = [
  { name: 'Wexcombe City Council', kind: 'council' },
  { name: 'NHS Wexcombe and Vale ICB', kind: 'health' },
  { name: 'Wexcombe Children’s Social Care', kind: 'social_care' },
  { name: 'Wexcombe Parent Carer Forum', kind: 'parent_carer_forum' },
  { name: 'Wexcombe Schools Forum', kind: 'education' },
  { name: 'Wexcombe SENDIASS', kind: 'other' },
  { name: 'Vale Community Health Trust', kind: 'health' },
  { name: 'Wexcombe Further Education College', kind: 'education' },
  { name: 'Wexcombe Mental Health Partnership (CAMHS)', kind: 'health' },
  { name: 'Wexcombe Early Years Alliance', kind: 'education' },
  { name: 'Wexcombe Youth Forum', kind: 'other' },
  { name: 'Wexcombe Alternative Provision Trust', kind: 'education' },
];

export const FIRST_NAMES = [
  'Alison', 'Bethan', 'Callum', 'Deborah', 'Emeka', 'Fiona', 'Gareth', 'Harpreet', 'Imran', 'Joanne', 'Kwame', 'Lucy',
  'Mohammed', 'Niamh', 'Oliver', 'Priya', 'Rachel', 'Siobhan', 'Tomasz', 'Usha', 'Victoria', 'William', 'Yasmin', 'Zoë',
];
export const SURNAMES = [
  'Ahmed', 'Baker', 'Chowdhury', 'Davies', 'Evans', 'Fletcher', 'Green', 'Hughes', 'Iqbal', 'Jones', 'Kowalski', 'Lewis',
  'Morgan', 'Nwosu', 'O’Brien', 'Patel', 'Roberts', 'Singh', 'Thomas', 'Underwood', 'Walker', 'Young',
];
export const ROLES = [
  'Director of Children’s Services', 'Head of SEND', 'Designated Clinical Officer', 'SEND Improvement Lead',
  'Principal Educational Psychologist', 'EHC Assessment Team Manager', 'Commissioning Manager (SEND)',
  'Head of Inclusion', 'Preparation for Adulthood Lead', 'CAMHS Service Manager', 'Parent Carer Forum Co-chair',
  'Performance and Data Analyst', 'Quality Assurance Officer', 'Early Help Manager', 'Virtual School Head',
];

export const SUBJECTS = [
  'The local area partnership', 'Leaders across education, health and care', 'The SEND and Inclusion Board',
  'The EHC assessment team', 'The designated clinical officer', 'The parent carer forum', 'Health commissioners',
  'The Local Offer team', 'School SENCos', 'The joint commissioning group', 'Social care practitioners',
  'The quality assurance panel', 'The preparation for adulthood workstream', 'Early years settings',
  'The CAMHS service', 'SENDIASS advisers', 'Headteachers and governors', 'The data and performance team',
];

export const VERBS = [
  'has agreed', 'has completed', 'is reviewing', 'has strengthened', 'is rolling out', 'has co-produced',
  'continues to monitor', 'has published', 'has improved', 'is embedding', 'has commissioned', 'has audited',
  'has redesigned', 'is tracking', 'has reported on', 'is piloting',
];

export const OBJECTS = [
  'the timeliness of EHC needs assessments', 'the quality of EHC plans', 'annual reviews within 12 months',
  'the graduated approach in mainstream schools', 'waiting times for autism assessment', 'access to speech and language therapy',
  'the Local Offer website', 'joint commissioning arrangements', 'the co-production charter', 'transition planning at 14+',
  'the multi-agency quality assurance framework', 'communication with parent carers', 'the SEN support toolkit',
  'the outcomes framework', 'the alternative provision strategy', 'the neurodevelopmental pathway',
  'health advice for EHC needs assessments', 'the dynamic support register', 'the short breaks offer',
  'persistent absence of pupils with EHC plans', 'the tribunal and mediation process', 'the inclusion dashboard',
];

export const QUALIFIERS = [
  'with the parent carer forum', 'across all partners', 'in line with the Written Statement of Action',
  'as agreed at the November board', 'for children and young people aged 0 to 25', 'through monthly data reports',
  'using feedback from families', 'in every locality', 'before the next DfE and NHS England review',
  'so that families see the difference', 'with support from the regional SEND adviser', 'ahead of the revisit',
  'by the end of the summer term', 'through the quarterly case audit', 'alongside the Youth Forum',
];

export const IMPACT_PHRASES = [
  'Parent carers report that communication has improved', 'The proportion of EHC plans issued within 20 weeks has risen',
  'Fewer pupils with EHC plans are persistently absent', 'Audit grades for plan quality have moved from inadequate to good',
  'Young people say their voice is heard in annual reviews', 'Waiting times for therapy assessments have fallen',
  'Complaints about the EHC process have reduced', 'More young people move into paid employment or supported internships',
  'Tribunal appeals have fallen for the third quarter running', 'Schools report greater confidence in meeting needs at SEN support',
];

export const ISSUE_PHRASES = [
  'Recruitment to the educational psychology team remains difficult', 'Demand for assessments continues to exceed capacity',
  'The new case management system has been delayed', 'Data from health partners is not yet reliable',
  'Parent confidence has not yet improved', 'High-needs funding pressures limit what can be commissioned',
  'Staff turnover in the EHC team has slowed progress', 'The impact is too recent to be felt by families',
];

export const MITIGATIONS = [
  'Agency educational psychologists have been commissioned until March', 'A recovery plan has been agreed by the board',
  'Weekly performance clinics track every overdue assessment', 'The ICB has funded two additional therapists',
  'The parent carer forum will review the revised letters', 'A task and finish group reports to the next board',
];

export const EVIDENCE_TITLE_STEMS = [
  'EHC plan quality audit', 'Parent carer survey', 'Young people’s focus group notes', 'SEND and Inclusion Board minutes',
  'Local Offer annual report', 'Annual review timeliness report', 'Joint commissioning strategy', 'Case study: transition to college',
  'Autism pathway waiting list data', 'Co-production charter', 'SEN support audit of mainstream schools',
  'DfE and NHS England review letter', 'Health advice timeliness dashboard', 'Preparation for adulthood evaluation',
  'Alternative provision quality review', 'SENCo network feedback', 'Tribunal outcomes analysis', 'Short breaks consultation report',
  'Inclusion dashboard', 'Peer review findings', 'Designated clinical officer annual report', 'Youth Forum “You said, we did”',
];

export const PERIOD_SUFFIXES = ['autumn term', 'spring term', 'summer term', 'Q1', 'Q2', 'Q3', 'Q4', 'annual'];

export const KPI_STEMS = [
  'EHC plans issued within 20 weeks (excluding exceptions)', 'Annual reviews completed within 12 months',
  'Persistent absence: pupils with an EHC plan', 'Persistent absence: pupils at SEN support', 'Suspensions of pupils with SEN',
  'Permanent exclusions of pupils with SEN', 'Tribunal appeal rate', 'Refusals to assess', 'Parent survey: confidence in the EHC process',
  'Autism assessment: median wait in weeks', 'CAMHS: referral to treatment within 18 weeks', 'Speech and language therapy: wait in weeks',
  'Young people with EHC plans in education, employment or training at 19', 'Health advice returned within 6 weeks',
  'EHC plans rated good or better at audit', 'Children educated out of area', 'Requests for EHC needs assessment',
  'Mediation cases resolved without tribunal', 'Supported internships started', 'Short breaks: families receiving a service',
];

export const WEAKNESS_THEMES = [
  'Leaders’ accountability and oversight of SEND arrangements', 'The timeliness and quality of EHC plans',
  'Co-production with parents and carers', 'Joint commissioning across education, health and care',
  'Waiting times for neurodevelopmental assessment', 'The graduated response in mainstream schools',
  'Preparation for adulthood and transition', 'The Local Offer and information for families',
  'Inclusion and the use of exclusions and part-time timetables', 'Health contribution to EHC plans',
  'Quality assurance of plans and annual reviews', 'Oversight of alternative provision',
];
