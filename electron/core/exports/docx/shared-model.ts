/** Data both Word exports gather: the area, partners, key indicators and action summaries. */
import { and, asc, inArray, isNull } from 'drizzle-orm';
import { actions, partners } from '../../../../db/schema';
import { label } from '../../../contract/enums';
import { getArea } from '../../services/area-service';
import type { ServiceContext } from '../../services/context';
import type { Row } from '../../services/entity-registry';
import { indicatorStatuses } from '../../services/indicator-service';
import { actionViews } from '../../services/plan-service';

export interface AreaModel {
  name: string;
  partners: string[];
  protectiveMarking: string;
  author: string;
}

export interface Swatch {
  /** What the colour means, always written as text. */
  text: string;
  /** Hex colour without '#', shown only as an extra. */
  fill: string | null;
}

export interface IndicatorRow {
  code: string;
  title: string;
  latest: string;
  period: string;
  target: string;
  england: string;
  region: string;
  statisticalNeighbours: string;
  direction: string;
  onTarget: string;
}

export interface ActionSummary {
  id: number;
  reference: string;
  what: string;
  status: string;
  statusLabel: string;
  rag: Swatch;
  ragReason: string;
  leadName: string | null;
  dueOn: string | null;
  revisedDueOn: string | null;
  revisedDueReason: string;
}

export function areaModel(ctx: ServiceContext): AreaModel {
  const area = getArea(ctx);
  const names = ctx.db
    .select({ name: partners.name })
    .from(partners)
    .where(isNull(partners.deletedAt))
    .orderBy(asc(partners.name))
    .all()
    .map((p) => p.name);
  return {
    name: area.areaName || 'Local area',
    partners: names,
    protectiveMarking: area.protectiveMarking.trim(),
    author: area.authorName || ctx.author(),
  };
}

/** Numbers as the indicator is kept: 49.2%, 1,234 days. */
export function formatValue(value: number | null, unit: string, decimals = 1): string {
  if (value == null) return '';
  const number = value.toLocaleString('en-GB', { maximumFractionDigits: decimals, minimumFractionDigits: 0 });
  if (unit === '%') return `${number}%`;
  return unit && unit !== 'count' && unit !== 'number' ? `${number} ${unit}` : number;
}

const DIRECTION_WORDS: Record<string, string> = {
  improving: 'Improving',
  worsening: 'Getting worse',
  no_change: 'No change',
  not_enough_data: 'Not enough data yet',
};

export function indicatorRows(ctx: ServiceContext): IndicatorRow[] {
  const decimals = new Map(
    ctx.workbook.sqlite
      .prepare('SELECT id, decimals FROM indicators WHERE deleted_at IS NULL')
      .all()
      .map((r) => [(r as { id: number }).id, (r as { decimals: number }).decimals]),
  );
  return indicatorStatuses(ctx).map((s) => {
    const d = decimals.get(s.indicatorId) ?? 1;
    const f = (v: number | null) => formatValue(v, s.unit, d);
    return {
      code: s.code,
      title: s.title,
      latest: s.latestValue == null ? 'No data yet' : `${f(s.latestValue)}${s.provisional ? ' (provisional)' : ''}`,
      period: s.latestPeriod ?? '',
      target: s.target == null ? '' : `${f(s.target)}${s.targetPeriod && s.targetPeriod !== s.latestPeriod ? ` (${s.targetPeriod})` : ''}`,
      england: f(s.england),
      region: f(s.region),
      statisticalNeighbours: f(s.statisticalNeighbours),
      direction: DIRECTION_WORDS[s.direction] ?? s.direction,
      onTarget: s.onTarget == null ? '' : s.onTarget ? 'On target' : 'Below target',
    };
  });
}

/** The RAG as the area's status key names and colours it. */
export function ragSwatch(ctx: ServiceContext, statusKeyId: string, rag: string): Swatch {
  const key = ctx.reference.statusKeys.find((k) => k.id === statusKeyId) ?? ctx.reference.statusKeys[0];
  const entry = key?.entries.find((e) => e.rag === rag);
  return { text: entry?.label ?? label(rag), fill: entry ? entry.fill.replace('#', '') : null };
}

export function actionSummaries(ctx: ServiceContext, actionIds: number[]): Map<number, ActionSummary> {
  if (actionIds.length === 0) return new Map();
  const rows = ctx.db
    .select()
    .from(actions)
    .where(and(inArray(actions.id, [...new Set(actionIds)]), isNull(actions.deletedAt)))
    .all() as Row[];
  const statusKeyId = getArea(ctx).statusKeyId;
  return new Map(
    actionViews(ctx, rows).map((a) => [
      a.id,
      {
        id: a.id,
        reference: a.reference,
        what: a.what,
        status: a.status,
        statusLabel: label(a.status),
        rag: ragSwatch(ctx, statusKeyId, a.rag),
        ragReason: a.ragOverride ? a.ragOverrideReason : a.ragDerivedReason,
        leadName: a.leadName,
        dueOn: a.dueOn,
        revisedDueOn: a.revisedDueOn,
        revisedDueReason: a.revisedDueReason,
      },
    ]),
  );
}

/** "1.10" after "1.9": references sort as people number them. */
export function byReference(a: { reference: string }, b: { reference: string }): number {
  return a.reference.localeCompare(b.reference, 'en-GB', { numeric: true });
}
