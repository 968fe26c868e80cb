/**
 * `workbook import-plan-sheet` (issue #16, part 3): an existing action plan from a council's
 * spreadsheet (.xlsx or .csv). Without --apply it prints the mapping it would use (as JSON, to
 * save and edit into MAP.json) and what would be created, skipped and not understood; with
 * --apply it imports through `planSheet:apply` (backup first, one transaction). The file is read
 * here only to upload it; everything else goes through the planSheet channels.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Client } from '../../../contract/client';
import { ACTION_STATUSES, label, RAG_CODES } from '../../../contract/enums';
import { ukDate } from '../../../contract/format';
import type { PlanSheetPreview, PlanSheetPreviewInput, PlanSheetTarget } from '../../../contract/groups/plan-sheet';
import { uploadFile } from '../upload-file';
import { CliError, type CliCommand, type CliIO, type CliValues } from '../command';

interface MapFile {
  sheet?: string;
  headerRow?: number;
  mapping: Record<string, string>;
  statusMap?: Record<string, string>;
  ragMap?: Record<string, string>;
}

/** MAP.json: what this command prints ({ sheet, headerRow, mapping, statusMap, ragMap }), or just { field: column }. */
function readMapFile(file: string): MapFile {
  const where = path.resolve(file);
  if (!existsSync(where)) throw new CliError(`There is no mapping file at ${where}.`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(where, 'utf8'));
  } catch {
    throw new CliError(`${path.basename(where)} is not valid JSON. Start from the mapping this command prints without --mapping.`);
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new CliError(`${path.basename(where)} must hold an object such as { "mapping": { "what": "C", "lead": "E" } }.`);
  const obj = json as Record<string, unknown>;
  return 'mapping' in obj ? (obj as unknown as MapFile) : { mapping: obj as Record<string, string> };
}

function targetOf(values: CliValues): PlanSheetTarget {
  const name = values['plan-name'];
  const into = values['into-plan'];
  if (name && into) throw new CliError('Give either --plan-name (a new plan) or --into-plan (an existing plan), not both.', 2);
  if (into) {
    const id = Number(into);
    if (!Number.isInteger(id) || id <= 0) throw new CliError('--into-plan takes the plan’s number (see `workbook list plans`).', 2);
    return { planId: id };
  }
  if (!name) throw new CliError('Say where the actions go: --plan-name NAME for a new plan, or --into-plan ID for an existing one.', 2);
  return { newPlan: { title: String(name), type: values['plan-type'] ? String(values['plan-type']) : 'improvement' } };
}

function dateOr(iso: string | null, none = 'no date'): string {
  return iso ? ukDate(iso) : none;
}

export function printPlanSheetPreview(io: CliIO, p: PlanSheetPreview): void {
  io.out(p.plan.id === null ? `Into a new plan “${p.plan.title}”.` : `Into plan number ${p.plan.id} “${p.plan.title}”.`);
  for (const priority of p.priorities) {
    io.out('');
    io.out(`Priority ${priority.reference} “${priority.title}” (row ${priority.row})${priority.existingPriorityId !== null ? ' — already in the plan; actions are added to it' : ''}`);
    for (const a of priority.actions) {
      const facts = [
        a.lead ? `lead ${a.lead}` : 'no lead',
        a.sro ? `SRO ${a.sro}` : null,
        a.partner ? `partner ${a.partner}` : null,
        `due ${dateOr(a.dueOn)}`,
        a.revisedDueOn ? `revised ${ukDate(a.revisedDueOn)}` : null,
        `status ${label(a.status)}`,
        a.rag ? `RAG ${label(a.rag)}` : null,
      ].filter(Boolean);
      io.out(`  ${a.reference}${a.referenceMade ? ' (reference made)' : ''} (row ${a.row}) ${a.what.length > 90 ? `${a.what.slice(0, 89)}…` : a.what}`);
      io.out(`      ${facts.join('; ')}`);
      for (const m of a.milestones) io.out(`      - milestone (row ${m.row}): ${m.title} — ${dateOr(m.dueOn)}, ${label(m.status)}`);
      for (const n of a.notes) io.out(`      Note: ${n}`);
    }
  }
  if (p.skipped.length) {
    io.out('');
    io.out('Rows skipped:');
    for (const s of p.skipped) io.out(`  Row ${s.row}: ${s.reason}`);
  }
  if (p.dates.length) {
    io.out('');
    io.out('Dates to check:');
    for (const d of p.dates) io.out(`  ${d.message}`);
  }
  if (p.unknownWords.length) {
    io.out('');
    for (const w of p.unknownWords) {
      const choices = w.field === 'status' ? ACTION_STATUSES.join(', ') : [...RAG_CODES, 'none'].join(', ');
      io.out(`Unknown ${w.field === 'status' ? 'status' : 'RAG'} word “${w.word}” (row${w.rows.length > 1 ? 's' : ''} ${w.rows.join(', ')}): add "${w.key}" to "${w.field === 'status' ? 'statusMap' : 'ragMap'}" in MAP.json as one of ${choices}.`);
    }
  }
  io.out('');
  if (p.peopleToCreate.length) io.out(`People to add: ${p.peopleToCreate.join(', ')}.`);
  if (p.partnersToCreate.length) io.out(`Partners to add: ${p.partnersToCreate.join(', ')}.`);
  for (const w of p.warnings) io.out(`Note: ${w}`);
  const c = p.counts;
  io.out(
    `Totals: ${c.priorities} new priorit${c.priorities === 1 ? 'y' : 'ies'}${c.prioritiesExisting ? ` (and ${c.prioritiesExisting} already in the plan)` : ''}, ${c.actions} actions, ${c.milestones} milestones, ${c.progressUpdates} progress updates; ${c.rowsSkipped} row${c.rowsSkipped === 1 ? '' : 's'} skipped, ${c.blankRows} blank.`,
  );
}

const importPlanSheet: CliCommand = {
  name: 'import-plan-sheet',
  summary: 'Preview (or with --apply, import) an existing action plan from a council’s spreadsheet (.xlsx or .csv), in whatever layout it uses.',
  usage:
    'workbook import-plan-sheet --workbook FILE --in X.xlsx|X.csv [--sheet NAME] [--header-row N] [--mapping MAP.json] (--plan-name NAME [--plan-type TYPE] | --into-plan ID) [--reported-on DATE] [--remember] [--apply] [--json]',
  options: {
    workbook: { type: 'string' },
    in: { type: 'string' },
    sheet: { type: 'string' },
    'header-row': { type: 'string' },
    mapping: { type: 'string' },
    'plan-name': { type: 'string' },
    'plan-type': { type: 'string' },
    'into-plan': { type: 'string' },
    'reported-on': { type: 'string' },
    remember: { type: 'boolean' },
    apply: { type: 'boolean' },
    json: { type: 'boolean' },
  },
  required: ['workbook', 'in'],
  async run({ values }, io, host) {
    const file = path.resolve(String(values.in));
    if (!existsSync(file) || !statSync(file).isFile()) throw new CliError(`There is no file at ${file}.`);
    const target = targetOf(values);
    const mapFile = values.mapping ? readMapFile(String(values.mapping)) : null;
    const headerRowFlag = values['header-row'] !== undefined ? Number(values['header-row']) : undefined;
    if (headerRowFlag !== undefined && (!Number.isInteger(headerRowFlag) || headerRowFlag < 1)) throw new CliError('--header-row takes a row number, such as 3.', 2);
    let reportedOn: string | undefined;
    if (values['reported-on']) {
      const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(String(values['reported-on']));
      if (!m) throw new CliError('--reported-on takes a date such as 22/11/2026.', 2);
      reportedOn = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
    }
    // Opened for writing even to preview: the upload the channels read is a command (it writes nothing to the workbook).
    return host.withWorkbook(String(values.workbook), { readOnly: false }, async (api) => {
      const uploadId = await uploadFile(api, file);
      try {
        return await previewOrApply(api, uploadId);
      } finally {
        // The uploaded copy of the council's plan is not left in the temporary folder.
        await api.call('file:uploadCancel', { uploadId });
      }
    });

    async function previewOrApply(api: Client, uploadId: string): Promise<number> {
      const sheetName = values.sheet ? String(values.sheet) : mapFile?.sheet;
      const headerRow = headerRowFlag ?? mapFile?.headerRow;
      const sample = await api.call('planSheet:sample', { uploadId, ...(sheetName ? { sheet: sheetName } : {}), ...(headerRow ? { headerRow } : {}) });
      if (sample.headerRow === null) {
        throw new CliError(`No header row was found in “${sample.sheet}”. Give the row that holds the column headings with --header-row N.${sample.sheets.length > 1 ? ` Its sheets are: ${sample.sheets.map((s) => s.name).join(', ')}.` : ''}`);
      }
      const input: PlanSheetPreviewInput = {
        uploadId,
        sheet: sample.sheet,
        headerRow: sample.headerRow,
        mapping: (mapFile?.mapping ?? sample.mapping) as PlanSheetPreviewInput['mapping'],
        statusMap: (mapFile?.statusMap ?? sample.remembered?.statusMap ?? {}) as PlanSheetPreviewInput['statusMap'],
        ragMap: (mapFile?.ragMap ?? sample.remembered?.ragMap ?? {}) as PlanSheetPreviewInput['ragMap'],
        target,
        ...(reportedOn ? { reportedOn } : {}),
      };
      const preview = await api.call('planSheet:preview', input);
      if (!values.apply) {
        if (values.json) {
          io.out(JSON.stringify({ sample, preview }, null, 2));
          return 0;
        }
        io.out(`Sheet “${sample.sheet}” of “${sample.fileName}”${sample.sheets.length > 1 ? ` (sheets: ${sample.sheets.map((s) => s.name).join(', ')})` : ''}. Header row: ${sample.headerRow}.`);
        io.out(`Mapping${mapFile ? ` from ${path.basename(String(values.mapping))}` : sample.remembered && !mapFile ? ' remembered for this layout' : ' guessed from the headings'} (save as MAP.json and edit):`);
        io.out(JSON.stringify({ sheet: sample.sheet, headerRow: sample.headerRow, mapping: input.mapping, statusMap: input.statusMap, ragMap: input.ragMap }, null, 2));
        io.out('');
        printPlanSheetPreview(io, preview);
        io.out('');
        io.out(preview.canApply ? 'Nothing was changed. Run again with --apply to import.' : `Nothing was changed. Before importing: ${preview.blockers.join(' ')}`);
        return 0;
      }
      const result = await api.call('planSheet:apply', { ...input, rememberMapping: Boolean(values.remember) });
      if (values.json) {
        io.out(JSON.stringify(result, null, 2));
        return 0;
      }
      io.out(
        `Imported into plan number ${result.planId} “${result.planTitle}”: ${result.prioritiesCreated} priorities, ${result.actionsCreated} actions, ${result.milestonesCreated} milestones, ${result.progressUpdatesCreated} progress updates; ${result.peopleCreated} people and ${result.partnersCreated} partners added; ${result.rowsSkipped} row${result.rowsSkipped === 1 ? '' : 's'} skipped. A backup was made first; delete the plan to the Bin to undo.${result.mappingRemembered ? ' The mapping is remembered for this layout.' : ''}`,
      );
      return 0;
    }
  },
};

export const planSheetCommands: CliCommand[] = [importPlanSheet];
