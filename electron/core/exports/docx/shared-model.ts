/** Data both Word exports gather: the area, partners, key indicators and action summaries. */
import { and, asc, inArray, isNull } from 'drizzle-orm';
import { actions, partners } from '../../../../db/schema';
import { label } from '../../../contract/enums';
import { getArea } from '../../services/area-service';
import { indicatorPositions } from '../../services/indicator-service';
import { today, type ServiceContext } from '../../services/context';
import { DIRECTION_WORDS, formatIndicatorValue, indicatorSentence, targetWords, type IndicatorPosition } from '../../facts';
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
  /** "52% in 2024 (provisional), up from 47% in 2023; below England (61%, 2023) …" */
  sentence: string;
  stale: boolean;
}

export interface ActionSummary {
  id: number;
  reference: string;
  what: string;
  status: string;
  statusLabel: string;
  rag: Swatch;
  /** The RAG code, as actionRag decided it. */
  ragCode: string;
  ragReason: string;
  /** Which source the RAG came from (override, latest update, worked out), in words. */
  ragSourceWords: string;
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

/** Numbers as the indicator is kept: 49.2%, 1,234 days (the facts module's formatter). */
export const formatValue = formatIndicatorValue;

/**
 * The key indicators as at a date, each decided by indicatorPosition: a comparator published for
 * an earlier period than the local value carries its own period ("61% (2023)"), and every row has
 * the sentence an officer would write.
 */
export function indicatorRows(ctx: ServiceContext, asOf: string = today(ctx), indicatorIds?: readonly number[]): IndicatorRow[] {
  return indicatorPositions(ctx, asOf, undefined, { indicatorIds }).map(({ meta, position: p }) => {
    const f = (v: number | null) => formatValue(v, meta.unit, meta.decimals);
    const comparator = (c: IndicatorPosition['comparators']['england']) =>
      c ? `${f(c.value)}${c.otherPeriod ? ` (${c.period}${c.provisional ? ', provisional' : ''})` : c.provisional ? ' (provisional)' : ''}` : '';
    return {
      code: meta.code,
      title: meta.title,
      latest: p.latest == null ? 'No data yet' : `${f(p.latest.value)}${p.latest.provisional ? ' (provisional)' : ''}`,
      period: p.latest?.period ?? '',
      target: p.target == null ? '' : f(p.target.value),
      england: comparator(p.comparators.england),
      region: comparator(p.comparators.region),
      statisticalNeighbours: comparator(p.comparators.statistical_neighbours),
      direction: DIRECTION_WORDS[p.direction],
      onTarget: targetWords(p),
      sentence: indicatorSentence(p),
      stale: p.stale,
    };
  });
}

/** The RAG as the area's status key names and colours it. */
export function ragSwatch(ctx: ServiceContext, statusKeyId: string, rag: string): Swatch {
  const key = ctx.reference.statusKeys.find((k) => k.id === statusKeyId) ?? ctx.reference.statusKeys[0];
  const entry = key?.entries.find((e) => e.rag === rag);
  return { text: entry?.label ?? label(rag), fill: entry ? entry.fill.replace('#', '') : null };
}

/** Actions as at a date (today by default), with status and RAG from the one actionRag function. */
export function actionSummaries(ctx: ServiceContext, actionIds: number[], asOf?: string): Map<number, ActionSummary> {
  if (actionIds.length === 0) return new Map();
  const rows = ctx.db
    .select()
    .from(actions)
    .where(and(inArray(actions.id, [...new Set(actionIds)]), isNull(actions.deletedAt)))
    .all();
  const statusKeyId = getArea(ctx).statusKeyId;
  return new Map(
    actionViews(ctx, rows, asOf).map((a) => [
      a.id,
      {
        id: a.id,
        reference: a.reference,
        what: a.what,
        status: a.statusAsOf,
        statusLabel: label(a.statusAsOf),
        rag: ragSwatch(ctx, statusKeyId, a.rag),
        ragCode: a.rag,
        ragReason: a.ragReason,
        ragSourceWords: a.ragSourceWords,
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
