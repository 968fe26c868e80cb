/**
 * What a workbook must hold for the app to use it: the one-row tables every screen reads first.
 * A file can pass SQLite's checks and still be unusable (issue #16: a hand-made JSON import with no
 * area profile passed `check` and was refused by the UI). One list of problems, used by
 * `import-json`, by opening in browser mode and by `check`, so they cannot disagree.
 */
import type Database from 'better-sqlite3';
import path from 'node:path';
import { openWorkbook, WorkbookError, type OpenOptions, type Workbook } from '../../../../db/open-workbook';
import type { ReferenceData } from '../../../contract/reference';

function tableExists(sqlite: Database.Database, name: string): boolean {
  return sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/** Problems in words, for an officer; empty when the app can use the workbook. */
export function usabilityProblems(sqlite: Database.Database, reference: ReferenceData): string[] {
  const problems: string[] = [];
  if (!tableExists(sqlite, 'workbook_info') || !sqlite.prepare('SELECT 1 FROM workbook_info WHERE id = 1').get()) {
    problems.push('The workbook has no workbook information record (workbook_info, id 1), so the app cannot tell which workbook it is.');
  }
  if (!tableExists(sqlite, 'area_profile')) {
    problems.push('The workbook has no area profile (the area_profile table is missing), so the app cannot open it.');
    return problems;
  }
  const area = sqlite.prepare('SELECT * FROM area_profile WHERE id = 1').get() as Record<string, unknown> | undefined;
  if (!area) {
    problems.push('The workbook has no area profile (area_profile, id 1), so the app cannot open it. Every workbook needs one, even with an empty area name.');
    return problems;
  }
  const framework = area.default_framework_id;
  if (typeof framework === 'string' && !reference.frameworks.some((f) => f.id === framework)) {
    problems.push(`The area profile names a framework this app does not know (“${framework.slice(0, 60)}”). Use one of: ${reference.frameworks.map((f) => f.id).join(', ')}.`);
  }
  const statusKey = area.status_key_id;
  if (typeof statusKey === 'string' && !reference.statusKeys.some((k) => k.id === statusKey)) {
    problems.push(`The area profile names a status key this app does not know (“${statusKey.slice(0, 60)}”). Use one of: ${reference.statusKeys.map((k) => k.id).join(', ')}.`);
  }
  if (typeof area.statistical_neighbours === 'string') {
    try {
      if (!Array.isArray(JSON.parse(area.statistical_neighbours))) throw new Error('not a list');
    } catch {
      problems.push('The area profile’s statistical neighbours are not a list, so the app cannot read them.');
    }
  }
  return problems;
}

/** Opens a workbook and refuses (closing it again) one the app could not use, saying why. */
export async function openUsableWorkbook(file: string, reference: ReferenceData, options: OpenOptions = {}): Promise<Workbook> {
  const workbook = await openWorkbook(file, options);
  const problems = usabilityProblems(workbook.sqlite, reference);
  if (problems.length > 0) {
    workbook.close();
    throw new WorkbookError('not_a_workbook', `${path.basename(workbook.path)} cannot be used by the app: ${problems.join(' ')} Run “workbook check” on it.`);
  }
  return workbook;
}

/** Looks at a workbook file without changing it and refuses, saying why, one the app could not use. */
export async function assertUsableFile(file: string, reference: ReferenceData): Promise<void> {
  const probe = await openWorkbook(file, { readOnly: true, asIs: true });
  try {
    const problems = usabilityProblems(probe.sqlite, reference);
    if (problems.length > 0) throw new WorkbookError('not_a_workbook', `${path.basename(probe.path)} cannot be used by the app: ${problems.join(' ')} Run “workbook check” on it.`);
  } finally {
    probe.close();
  }
}
