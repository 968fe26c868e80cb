/**
 * Council action plans in the layouts councils use, written as the published WSOA and SEND action
 * plan reviews word them (own wording, in their shape): generated with exceljs or as CSV text.
 */
import ExcelJS from 'exceljs';

async function bytesOf(book: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/**
 * (a) One row per action, milestones in one cell; a title and a blank line above the headings;
 * priorities in their own column, written once and carried down; dates in many UK forms.
 */
export async function layoutOneRowPerAction(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Cover').getCell('A1').value = 'Testshire Local Area SEND Partnership';
  const ws = book.addWorksheet('WSOA progress');
  ws.getCell('A1').value = 'Testshire Local Area – Written Statement of Action – Progress review November 2026';
  ws.addRow([]);
  ws.addRow(['Priority', 'Ref', 'What we will do?', 'How we will do it?', 'Lead officer', 'SRO', 'Partner', 'Start date', 'Target date', 'Revised target date', 'Status', 'RAG', 'Milestones', 'Success measures', 'Highlights & Issues', 'Budget']);
  ws.addRow([
    'Priority 1: Leadership and accountability',
    '1.1',
    'Establish a SEND Partnership Board with clear terms of reference and shared accountability across education, health and care',
    'Agree terms of reference; appoint an independent chair; publish minutes on the Local Offer',
    'Jo Bennett, Head of SEND',
    'Director of Children’s Services',
    'Testshire Council',
    new Date(Date.UTC(2026, 8, 1)),
    '22/11/26',
    null,
    'Complete',
    'G',
    '• Terms of reference agreed by the Board (Oct 2026)\n• Minutes published on the Local Offer – December 2026',
    'Board meets every six weeks with all partners attending',
    'Board in place and meeting; parent carer forum attends every meeting.',
    '£12,000',
  ]);
  ws.addRow([
    null,
    '1.2',
    'Produce a joint commissioning strategy with the ICB for therapies and specialist provision',
    'Joint needs assessment; co-produce priorities with the parent carer forum',
    'Sam Okafor, ICB',
    'Director of Children’s Services',
    'Testshire ICB',
    '22.11.2026',
    '22nd November 2027',
    'Nov-27',
    'Progressing well',
    'Amber/Green',
    'Needs assessment complete; Draft strategy to SEND Board; Strategy published',
    'Strategy signed off by the Council and the ICB',
    'Needs assessment delayed by data sharing agreement.',
    null,
  ]);
  ws.addRow([]);
  ws.addRow([
    'Priority 2: Identification of need',
    '2.1',
    'Reduce waiting times for the autism assessment pathway',
    'Commission additional assessment capacity; publish waiting times monthly',
    'Jo Bennett',
    null,
    'Testshire ICB',
    null,
    'Q3 2026/27',
    null,
    'Delayed',
    'R',
    null,
    'Median wait under 40 weeks',
    '',
    null,
  ]);
  ws.addRow([null, '2.2', 'Improve the timeliness of EHC needs assessments within 20 weeks', null, 'Alex Reid / Jo Bennett', null, null, null, 'Ongoing', null, 'On track', 'A', null, '', null, null]);
  ws.addRow([null, '2.3', 'Publish graduated response guidance for schools', null, 'Alex Reid', null, null, null, 'sometime soon', null, null, null, null, null, null, null]);
  // An Excel date serial written as a number in a text column.
  ws.addRow([null, '2.4', 'Train SENCOs in the new referral pathway', null, 'Alex Reid', null, null, null, 46348, null, 'Not started', null, null, null, null, null]);
  return bytesOf(book);
}

/** (b) Milestones as their own rows under each action; priority header rows merged across the sheet; action cells merged over their milestone rows. */
export async function layoutMilestoneRows(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('Action plan');
  ws.addRow(['Ref', 'Action', 'Lead', 'Milestone', 'Milestone date', 'Status']);
  ws.addRow(['Area 1 - Identifying Needs']);
  ws.mergeCells('A2:F2');
  ws.addRow(['1.1', 'We will ensure sufficient educational psychology capacity for timely EHC assessments', 'Wendy Packer, NSC - Head of Education Partnerships – TBA', null, null, 'On track']);
  ws.addRow([null, null, null, 'Recruit two educational psychologists', '31/01/2027', 'Not started']);
  ws.addRow([null, null, null, 'Commission locum EP capacity for the backlog', '30 Sep 2026', 'Complete']);
  ws.addRow(['1.2', 'We will reduce the time spent awaiting diagnosis on the autism pathway [Ref: ASW2]', 'Rachel Anthwal', 'Publish pathway guidance on the Local Offer', 'December 2026', 'On track']);
  ws.addRow(['1.2', 'We will reduce the time spent awaiting diagnosis on the autism pathway [Ref: ASW2]', 'Rachel Anthwal', 'Jointly commission pre- and post-diagnosis support', '31/03/2027', 'Not started']);
  ws.addRow(['Area 2 - Meeting Needs']);
  ws.mergeCells('A8:F8');
  ws.addRow(['2.1', 'We will improve access to specialist CAMHS [Ref: Written Statement of Action, ASW4.2]', 'Jackie Shortman', 'Electronic patient record in use', '30/04/2027', 'Delayed']);
  ws.addRow([null, null, null, 'Waiting times reported monthly to the SEND Board', '31/05/2027', 'Not started']);
  ws.mergeCells('A9:A10');
  ws.mergeCells('B9:B10');
  ws.mergeCells('C9:C10');
  return bytesOf(book);
}

/** (c) Priority cells merged down over their actions. */
export async function layoutMergedPriorities(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('Plan');
  ws.addRow(['Priority', 'Action', 'Lead', 'Due', 'RAG']);
  ws.addRow(['1. Leadership and accountability', 'Publish a SEND self-evaluation agreed by all partners', 'Jo Bennett', '31/03/2027', 'Green']);
  ws.addRow([null, 'Share the SEND data dashboard monthly with the Board', 'Sam Okafor', '28/02/2027', 'Amber']);
  ws.addRow([null, 'Report progress to the Health and Wellbeing Board', 'Jo Bennett', '30/06/2027', 'Green']);
  ws.mergeCells('A2:A4');
  ws.addRow(['2. Co-production', 'Co-produce the Local Offer pages with the parent carer forum', 'Priya Shah', '31/01/2027', 'Red']);
  ws.addRow([null, 'Run termly listening events with children and young people', 'Priya Shah', '31/07/2027', 'Amber']);
  ws.mergeCells('A5:A6');
  return bytesOf(book);
}

/** A CSV with a title and a blank line above its headings; dates as 22-11-2026 and 22 Nov 2026. */
export const PLAN_CSV = [
  'Testshire SEND Improvement Plan 2026-27,,,,,',
  ',,,,,',
  'Priority,Action ref,Action,Lead,Due date,Status',
  '"Priority 1: Preparing for adulthood",1.1,"Agree a post-16 transitions protocol with adult social care",Chris Hall,22-11-2026,On track',
  ',1.2,"Map supported internship places with colleges",Chris Hall,22 Nov 2026,Not started',
  ',,,,,',
  '"Priority 2: Inclusion",2.1,"Reduce suspensions of pupils with EHC plans",Dana Price,31/03/2027,Delayed',
  '',
].join('\r\n');

/** A sheet with no row that reads as headings. */
export async function noHeadings(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('Numbers');
  ws.addRow([1, 2, 3]);
  ws.addRow([4, 5, 6]);
  return bytesOf(book);
}

/**
 * A programme board's review table, as councils publish them: no reference column (each action's
 * text starts with its number), areas as heading rows, several names in the lead cell, and the
 * highlights and issues column.
 */
export async function layoutProgrammeBoardReview(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('Part 1 review');
  ws.addRow(['Testshire Local Area – SEND Programme Board Action Plan – Progress Review']);
  ws.addRow(['Area 1 - Identifying Needs']);
  ws.addRow(['What we will do?', 'How we will do it?', 'Who will lead delivery?', 'How will we monitor success?', 'Highlights & Issues']);
  ws.addRow([
    '1.1 We will ensure that sufficient SEND officer and educational psychology resource is available to enable timely EHC assessments [Ref: Identification and EHCP assessments, MI report Autumn 2025 p3 & Written Statement of Action, ASW4.1]]',
    'We will use SEND projections to build a case for investment',
    'Wendy Packer, TC - Head of Education Partnerships – TBA',
    'Sustained compliance with 20-week EHCP timescales',
    '20-week performance beginning to recover but remains low at 16%.',
  ]);
  ws.addRow(['1.2 We will reduce the time spent awaiting diagnosis on the autism pathway', 'Publish clear guidance on the Local Offer', 'Rachel Anthwal, ICB - Mike Newman, TC', 'Monitoring of waiting times', 'Waiting list reduced significantly.']);
  ws.addRow([]);
  ws.addRow(['Area 2 - Meeting Needs']);
  ws.addRow(['What we will do?', 'How we will do it?', 'Who will lead?', 'How will we monitor success?', 'Highlights & Issues']);
  ws.addRow(['2.1 We will improve access and reduce waiting times for specialist CAMHS', null, 'Jackie Shortman', null, 'CAMHS waiting times remain a key concern.']);
  return bytesOf(book);
}
