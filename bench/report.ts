/** The benchmark table, as text for people and JSON for tools. */
import type { OpResult } from './result';

const ms = (v: number | null | undefined) => (v == null ? '—' : v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : Math.round(v).toLocaleString('en-GB'));

function row(r: OpResult): string[] {
  const t = r.timing;
  const targets = r.targets.map((x) => `${x.met ? 'met' : 'NOT MET'}: ${x.text}`).join('; ');
  return [
    r.name,
    r.status === 'ok' ? `${ms(t?.medianMs)}${t?.cpuMedianMs != null ? ` (cpu ${ms(t.cpuMedianMs)})` : ''}` : r.status,
    r.status === 'ok' ? ms(t?.p95Ms) : '',
    t && t.peakRssMb > 0 ? t.peakRssMb.toFixed(0) : '—',
    r.baseline ? `${r.baseline.name}: ${ms(r.baseline.timing.medianMs)}${r.baseline.timing.cpuMedianMs != null ? ` (cpu ${ms(r.baseline.timing.cpuMedianMs)})` : ''}` : '—',
    r.ratio == null ? '—' : `${r.ratio.toFixed(2)}×`,
    targets || '—',
    r.note ?? '',
  ];
}

export function formatTable(results: OpResult[]): string {
  const header = ['Operation', 'median ms', 'p95 ms', 'peak MB', 'baseline (median ms)', 'ratio', 'target', 'note'];
  const rows = [header, ...results.map(row)];
  const widths = header.map((_, i) => Math.min(i === 7 ? 200 : 70, Math.max(...rows.map((r) => r[i]!.length))));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}

export function toJson(results: OpResult[], meta: Record<string, unknown>): string {
  return JSON.stringify(
    {
      ...meta,
      results: results.map((r) => ({
        ...r,
        timing: r.timing ? { ...r.timing, samples: r.timing.samples.map((s) => Math.round(s * 1000) / 1000) } : null,
        baseline: r.baseline ? { name: r.baseline.name, timing: { ...r.baseline.timing, samples: undefined } } : null,
      })),
    },
    null,
    2,
  );
}
