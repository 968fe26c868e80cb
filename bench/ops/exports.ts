/** Word and Excel exports and the Excel re-import, each in a child process for a clean peak memory. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { ChildReport } from '../child/export-child';
import { failed, memoryUnder, ok, ratioAtMost, unavailable, under, type OpResult } from '../result';

const CHILD = path.join(import.meta.dirname, '..', 'child', 'export-child.ts');

const EXPORTS = [
  { op: 'sef-docx', name: 'Word: SEF export (buildSefDocx, newest SEF)' },
  { op: 'progress-docx', name: 'Word: progress report (buildProgressDocx, current plan)' },
  { op: 'plan-xlsx', name: 'Excel: plan export (buildPlanXlsx, current plan)' },
  { op: 'plan-return', name: 'Excel: re-import preview (previewPlanReturn of that export)' },
] as const;

function runChild(op: string, file: string, runs: number, planId: number, sefId: number): ChildReport & { error?: string } {
  const child = spawnSync(process.execPath, ['--import', 'tsx', CHILD, op, file, String(runs), String(planId), String(sefId)], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
    timeout: 300_000,
  });
  const line = child.stdout.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(line) as ChildReport & { error?: string };
  } catch {
    return { available: true, note: '', error: (child.stderr || child.stdout || `exit ${child.status}`).trim().split('\n').slice(-3).join(' ') };
  }
}

export function benchExports(file: string, runs: number, planId: number, sefId: number): OpResult[] {
  return EXPORTS.map(({ op, name }) => {
    const report = runChild(op, file, runs, planId, sefId);
    if (report.error) return failed('export', name, report.error);
    if (!report.available || !report.timing) return unavailable('export', name, `not available yet: ${report.note}`);
    const result = ok('export', name, report.timing, {
      baseline: report.baseline ?? null,
      note: `${report.bytes ? `${Math.round(report.bytes / 1024).toLocaleString('en-GB')} KB; ` : ''}peak memory is the child process's maxRSS; ${report.note}`,
    });
    result.targets = [under(2_000, report.timing.medianMs, 'median'), memoryUnder(400, report.timing.peakRssMb)];
    if (result.ratio != null) result.targets.push(ratioAtMost(1.5, result.ratio));
    // On a shared machine waiting for a core inflates both wall-clock figures unevenly: the ratio
    // of CPU times is printed beside the wall-clock one.
    const cpu = report.timing.cpuMedianMs;
    const baseCpu = report.baseline?.timing.cpuMedianMs;
    if (cpu != null && baseCpu) result.note = `${result.note}; CPU ratio ${(cpu / baseCpu).toFixed(2)}×`;
    return result;
  });
}
