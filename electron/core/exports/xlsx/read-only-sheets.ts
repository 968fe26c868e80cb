/** The reference sheets of the action plan export: Summary, KPIs, Evidence and Key (read-only). */
import type ExcelJS from 'exceljs';
import { ACTION_STATUSES, label, MILESTONE_STATUSES, RAG_CODES } from '../../../contract/enums';
import { MILESTONE_STATES } from '../../facts';
import { sharesOf, ukDate } from '../../../contract/format';
import { londonDate } from '../../services/context';
import { RECENT_PERIODS, type KpiRow } from './kpi-data';
import type { PlanData } from './plan-data';
import { COLOURS, DATE_FORMAT, excelDate, cellText, setPrint, sheetOptions, styleHeaderCell } from './sheet-helpers';
import { MILESTONE_COLUMNS, PLAN_COLUMNS, SHEETS, UPDATE_COLUMNS } from './sheet-spec';

function title(ws: ExcelJS.Worksheet, data: PlanData, heading: string, line: string): void {
  ws.getCell('A1').value = data.area.marking;
  ws.getCell('A1').font = { bold: true, color: { argb: COLOURS.marking } };
  ws.getCell('A2').value = heading;
  ws.getCell('A2').font = { bold: true, size: 14 };
  ws.getCell('A3').value = line;
}

/**
 * Shared by every table cell of its kind: exceljs renders a style object it has already seen
 * only once, which on thousands of rows is most of the writing time. Never mutate them (copy).
 */
const TOP_WRAP = { wrapText: true, vertical: 'top' } as const;
const CELL_STYLES = {
  general: { alignment: TOP_WRAP, numFmt: 'General' },
  percent: { alignment: TOP_WRAP, numFmt: '0%' },
  date: { alignment: TOP_WRAP, numFmt: DATE_FORMAT },
} satisfies Record<string, Partial<ExcelJS.Style>>;

/**
 * Writes a table; each row is committed (streamed out of memory) once written unless
 * `keepOpen`, for a caller that styles the rows afterwards.
 */
function table(ws: ExcelJS.Worksheet, startRow: number, headers: string[], rows: (string | number | Date | null)[][], percentCols: number[] = [], keepOpen = false): number {
  const head = ws.getRow(startRow);
  headers.forEach((h, i) => {
    head.getCell(i + 1).value = h;
    styleHeaderCell(head.getCell(i + 1), false);
  });
  rows.forEach((values, r) => {
    const row = ws.getRow(startRow + 1 + r);
    values.forEach((v, i) => {
      if (v === null || v === '') return; // no cell at all: thousands of empty cells cost memory and bytes
      const cell = row.getCell(i + 1);
      cell.value = v;
      cell.style = v instanceof Date ? CELL_STYLES.date : percentCols.includes(i) ? CELL_STYLES.percent : CELL_STYLES.general;
    });
    if (!keepOpen) row.commit();
  });
  return startRow + rows.length + 2;
}

function countBy(keys: readonly string[], values: string[]): { counts: number[]; shares: number[] } {
  const counts = keys.map((k) => values.filter((v) => v === k).length);
  return { counts, shares: sharesOf(counts) };
}

/** Per priority and overall: milestones and actions by status, with counts and percentages; RAG by priority. */
export function addSummarySheet(wb: ExcelJS.Workbook, data: PlanData, now: Date): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(SHEETS.summary, sheetOptions([{ showGridLines: false }]));
  ws.columns = [{ width: 34 }, { width: 40 }, ...Array.from({ length: 16 }, () => ({ width: 12 }))];
  title(ws, data, `Action plan summary: ${data.plan.title}`, `${data.area.areaName} · generated ${ukDate(londonDate(now))} by ${data.area.author}`.trim());
  let row = 5;
  const rollUp = (heading: string, keys: readonly string[], values: string[], name: (k: string) => string) => {
    ws.getCell(row, 1).value = heading;
    ws.getCell(row, 1).font = { bold: true, size: 12 };
    const { counts, shares } = countBy(keys, values);
    const rows = keys.map((k, i) => [name(k), counts[i]!, shares[i]! / 100] as (string | number)[]);
    rows.push(['Total', values.length, values.length ? 1 : 0]);
    row = table(ws, row + 1, ['Status', 'Count', 'Percentage'], rows, [2]);
  };
  // The plan's status key, then any RAG an action has that the key leaves out (a plan whose key has
  // no Blue still has complete actions): every action is counted in a row, so the rows add up to the total.
  const keyed = data.statusKey.entries.map((e) => e.rag);
  const ragKeys = [...keyed, ...[...RAG_CODES, ...new Set(data.actions.map((a) => a.rag))].filter((k, i, all) => !keyed.includes(k) && all.indexOf(k) === i && data.actions.some((a) => a.rag === k))];
  const ragName = (k: string) => data.statusKey.entries.find((e) => e.rag === k)?.label ?? label(k);
  // Effective states as at the export date (milestoneState), so overdue milestones count as overdue.
  const stateOf = (m: PlanData['milestones'][number]) => data.milestoneStates.get(m.id) ?? m.status;
  const stateName = (k: string) => (k === 'overdue' ? 'Overdue' : label(k));
  rollUp(`Milestones (${data.milestones.length}) as at ${ukDate(data.asOf)}`, MILESTONE_STATES, data.milestones.map(stateOf), stateName);
  rollUp(`Actions (${data.actions.length})`, ACTION_STATUSES, data.actions.map((a) => a.statusAsOf), label);
  rollUp('RAG of actions', ragKeys, data.actions.map((a) => a.rag), ragName);

  ws.getCell(row, 1).value = 'By priority';
  ws.getCell(row, 1).font = { bold: true, size: 12 };
  const headers = ['Priority', 'Title', 'Actions', ...ACTION_STATUSES.map(label), 'Milestones', ...MILESTONE_STATES.map(stateName), ...ragKeys.map(ragName)];
  const rows = data.priorities.map((p) => {
    const acts = data.actions.filter((a) => a.priorityId === p.id);
    const ids = new Set(acts.map((a) => a.id));
    const stones = data.milestones.filter((m) => ids.has(m.actionId));
    return [
      p.reference,
      cellText(p.title).text,
      acts.length,
      ...ACTION_STATUSES.map((st) => acts.filter((a) => a.statusAsOf === st).length),
      stones.length,
      ...MILESTONE_STATES.map((st) => stones.filter((m) => stateOf(m) === st).length),
      ...ragKeys.map((k) => acts.filter((a) => a.rag === k).length),
    ];
  });
  table(ws, row + 1, headers, rows);
  setPrint(ws, { marking: data.area.marking, footer: `${data.area.areaName} · ${data.plan.title} · Summary`, titleRows: '1:3' });
  return ws;
}

const DIRECTION_WORDS: Record<KpiRow['direction'], string> = {
  improving: 'Improving',
  worsening: 'Getting worse',
  no_change: 'No change',
  not_enough_data: 'Not enough data yet',
};

/** "Q3 2025: 30.1; Q4 2025: 30.8", each value at the indicator's own decimal places. */
function seriesText(points: { period: string; value: number }[], decimals: number): string {
  const places = Math.min(Math.max(decimals, 0), 6);
  return points.map((p) => `${p.period}: ${Number(p.value.toFixed(places))}`).join('; ');
}

/**
 * One row per indicator: baseline, latest local value against its target and the England,
 * region and statistical neighbour comparators of the same period, direction of travel, recent
 * local values and every target. (One row per period and geography ran to 12,000 rows.)
 */
export function addKpiSheet(wb: ExcelJS.Workbook, data: PlanData): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(SHEETS.kpis, sheetOptions([{ state: 'frozen', ySplit: 4, xSplit: 2 }]));
  ws.columns = [12, 40, 8, 16, 24, 10, 12, 12, 10, 11, 10, 11, 10, 11, 14, 11, 10, 12, 13, 16, 60, 44, 28, 30].map((width) => ({ width }));
  title(ws, data, 'Key performance indicators', 'Latest local value of each indicator against its target and comparators (England, region, statistical neighbours), each comparator with its own period, with recent values.');
  const headers = [
    'Code',
    'Indicator',
    'Unit',
    'Better when',
    'Source',
    'Baseline',
    'Baseline period',
    'Latest period',
    'Local',
    'Provisional',
    'England',
    'England period',
    'Region',
    'Region period',
    'Statistical neighbours',
    'Statistical neighbours period',
    'Target',
    'Target period',
    'On target',
    'Direction of travel',
    'Where we stand',
    `Recent local values (last ${RECENT_PERIODS}, oldest first)`,
    'All targets',
    'Series break notes',
  ];
  const rows = data.kpis.map((k) => [
    k.code,
    cellText(k.title).text,
    k.unit,
    label(k.polarity),
    cellText(k.source).text,
    k.baselineValue,
    k.baselinePeriod || null,
    k.latestPeriod,
    k.latest,
    k.latest == null ? null : k.provisional ? 'Yes' : 'No',
    k.england,
    k.englandPeriod,
    k.region,
    k.regionPeriod,
    k.statisticalNeighbours,
    k.statisticalNeighboursPeriod,
    k.target,
    k.targetPeriod,
    k.stale ? 'Out of date' : k.onTarget == null ? null : k.onTarget ? 'On target' : 'Off target',
    DIRECTION_WORDS[k.direction],
    k.sentence,
    seriesText(k.recent, k.decimals) || null,
    seriesText(k.targets, k.decimals) || null,
    cellText(k.seriesBreakNotes).text || null,
  ]);
  table(ws, 4, headers, rows);
  ws.autoFilter = { from: { row: 4, column: 1 }, to: { row: Math.max(4 + rows.length, 5), column: headers.length } };
  setPrint(ws, { marking: data.area.marking, footer: `${data.area.areaName} · ${data.plan.title} · KPIs`, titleRows: '1:4' });
  return ws;
}

/** The index of the evidence linked to this plan's priorities, actions and milestones. */
export function addEvidenceSheet(wb: ExcelJS.Workbook, data: PlanData): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(SHEETS.evidence, sheetOptions([{ state: 'frozen', ySplit: 4 }]));
  ws.columns = [10, 48, 20, 10, 13, 13, 30, 10, 36].map((width) => ({ width }));
  title(ws, data, 'Evidence index', 'Evidence linked to this plan. Items marked as holding personal data must not be shared beyond the partnership.');
  const headers = ['Ref', 'Title', 'Kind', 'Level', 'From', 'To', 'Where it is kept', 'Personal data', 'Linked to'];
  const rows = data.evidence.map((e) => [
    e.reference,
    cellText(e.title).text,
    label(e.kind),
    label(e.level),
    excelDate(e.effectiveFrom),
    excelDate(e.effectiveTo),
    cellText(e.location).text,
    e.containsPersonalData ? 'Yes' : 'No',
    e.linkedTo,
  ]);
  table(ws, 4, headers, rows);
  ws.autoFilter = { from: { row: 4, column: 1 }, to: { row: Math.max(4 + rows.length, 5), column: headers.length } };
  setPrint(ws, { marking: data.area.marking, footer: `${data.area.areaName} · ${data.plan.title} · Evidence`, titleRows: '1:4' });
  return ws;
}

const STATUS_MEANINGS: Record<string, string> = {
  not_started: 'Work has not begun yet.',
  on_track: 'Under way and expected to finish by the due date.',
  delayed: 'Under way but behind plan: say why in the update.',
  complete: 'Done, with evidence of impact where possible.',
  not_achieved: 'The due date has passed and the action was not achieved.',
  superseded: 'Replaced by a later action.',
  achieved: 'The milestone has been largely achieved.',
  partially_achieved: 'Partly achieved and still on track.',
  not_yet_due: 'The milestone is not due yet.',
};

/** Status and RAG definitions, and how to fill in the editable sheets. */
export function addKeySheet(wb: ExcelJS.Workbook, data: PlanData): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(SHEETS.key, sheetOptions([{ showGridLines: false }]));
  ws.columns = [{ width: 34 }, { width: 90 }];
  title(ws, data, 'Key', data.statusKey.name);
  let row = table(
    ws,
    5,
    ['RAG', 'Meaning'],
    data.statusKey.entries.map((e) => [e.label, e.meaning]),
    [],
    true,
  );
  data.statusKey.entries.forEach((e, i) => {
    const cell = ws.getCell(6 + i, 1);
    cell.style = {
      ...cell.style,
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${e.fill.slice(1)}` } },
      font: { bold: true, color: { argb: `FF${e.text.slice(1)}` } },
    };
  });
  row = table(ws, row, ['Action status', 'Meaning'], ACTION_STATUSES.map((s) => [label(s), STATUS_MEANINGS[s] ?? '']));
  row = table(ws, row, ['Milestone status', 'Meaning'], [
    ...MILESTONE_STATUSES.map((s) => [label(s), STATUS_MEANINGS[s] ?? '']),
    ['Overdue', 'Shown on the Summary sheet, not chosen: the due date has passed and no result is recorded.'],
  ]);
  const editable = (cols: typeof PLAN_COLUMNS, newRows = false) =>
    cols.filter((c) => c.editable || (newRows && c.onNewRows)).map((c) => c.header).join(', ');
  table(ws, row, ['Filling in this spreadsheet', ''], [
    ['Plan sheet: you can change', editable(PLAN_COLUMNS)],
    ['Milestones sheet: you can change', `${editable(MILESTONE_COLUMNS)}. Add a milestone in a blank row at the bottom: ${editable(MILESTONE_COLUMNS, true)}.`],
    ['Updates sheet', `Recorded updates are never changed. Add an update in a blank row at the bottom: ${editable(UPDATE_COLUMNS, true)}.`],
    ['Dates', 'Type dates as 22/11/2026.'],
    ['Returning it', 'Save the file as .xlsx (Excel or LibreOffice) and send it back to the nominated officer. Do not delete rows or the hidden Row ID column.'],
  ]);
  setPrint(ws, { marking: data.area.marking, footer: `${data.area.areaName} · ${data.plan.title} · Key`, titleRows: '1:3' });
  return ws;
}
