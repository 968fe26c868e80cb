/**
 * Scale factors for the synthetic workbook (issue #9). L is a large area over ten years; XL is
 * five times L; S is demo-sized, for tests and quick runs.
 */
export type ScaleName = 'S' | 'L' | 'XL';

export interface ScaleSpec {
  partners: number;
  people: number;
  events: number;
  findings: number;
  plans: number;
  priorities: number;
  actions: number;
  milestones: number;
  progressUpdates: number;
  evidenceItems: number;
  evidenceLinks: number;
  indicators: number;
  periods: number;
  /** Local, England, region, statistical neighbours. */
  geographies: number;
  sefVersions: number;
  /** The audit log is at least this long (every row's own entries usually exceed it). */
  auditEntries: number;
  /** User-visible deletes, so the bin and the cascades have something in them. */
  deletions: number;
  /** Generated documents stored as evidence files (with the files flag). */
  files: number;
}

export const L_SCALE: ScaleSpec = {
  partners: 12,
  people: 80,
  events: 4,
  findings: 40,
  plans: 6,
  priorities: 60,
  actions: 600,
  milestones: 3_000,
  progressUpdates: 6_000,
  evidenceItems: 20_000,
  evidenceLinks: 60_000,
  indicators: 300,
  periods: 40,
  geographies: 4,
  sefVersions: 12,
  auditEntries: 100_000,
  deletions: 60,
  files: 200,
};

function times(spec: ScaleSpec, k: number, keep: (keyof ScaleSpec)[]): ScaleSpec {
  return Object.fromEntries(Object.entries(spec).map(([key, v]) => [key, keep.includes(key as keyof ScaleSpec) ? v : v * k])) as unknown as ScaleSpec;
}

export const SCALES: Record<ScaleName, ScaleSpec> = {
  S: {
    partners: 6,
    people: 16,
    events: 2,
    findings: 10,
    plans: 2,
    priorities: 8,
    actions: 40,
    milestones: 160,
    progressUpdates: 240,
    evidenceItems: 150,
    evidenceLinks: 400,
    indicators: 12,
    periods: 8,
    geographies: 4,
    sefVersions: 2,
    auditEntries: 0,
    deletions: 6,
    files: 5,
  },
  L: L_SCALE,
  // Five times L in volume; the per-series shape (periods, geographies, partners) stays the same.
  // The number of plans stays L's, so each plan is five times larger (issue #17): per-plan screens
  // and exports are measured on a bigger plan, not on more plans of the same size.
  XL: times(L_SCALE, 5, ['periods', 'geographies', 'partners', 'plans']),
};

export function isScaleName(value: string): value is ScaleName {
  return value === 'S' || value === 'L' || value === 'XL';
}
