/**
 * Applies a return. Synchronous on purpose: the caller runs it inside ONE write transaction (the
 * dispatcher does for 'import:planApply'), so if any row fails nothing is applied. The comparison
 * is worked out again here, against the data as it is inside the transaction, so a change made
 * between preview and apply is never overwritten unseen.
 */
import type { z } from 'zod';
import type { applySummary, RESOLUTIONS } from '../../contract/groups/excel-exports';
import { actionService, milestoneService, progressService } from '../services/plan-service';
import { getLive } from '../services/entity-store';
import { today, type ServiceContext } from '../services/context';
import { ServiceError } from '../services/service-error';
import { compareReturn, type CompareOptions, type FieldWork, type RowWork } from './compare-return';
import type { ParsedReturn } from './read-return';

export type Resolution = (typeof RESOLUTIONS)[number];
export type ApplySummary = z.output<typeof applySummary>;

export interface ApplyOptions extends CompareOptions {
  decisions?: { rowKey: string; resolution: Resolution }[];
  /** For conflicts without a decision (the CLI); the channel leaves it unset so none go unseen. */
  defaultConflictResolution?: 'keep_mine' | 'take_theirs';
}

const ACTION_TEXT = new Set(['what', 'how', 'revisedDueReason', 'successMeasures']);
const ACTION_DATES = new Set(['startsOn', 'dueOn', 'revisedDueOn']);
const ACTION_IDS: Record<string, string> = { lead: 'leadPersonId', sro: 'sroPersonId', partner: 'partnerId' };

function applyAction(ctx: ServiceContext, w: Extract<RowWork, { kind: 'action' }>, fields: FieldWork[], day: string): number {
  const patch: Record<string, unknown> = {};
  const get = (f: string) => fields.find((x) => x.field === f);
  for (const f of fields) {
    if (ACTION_TEXT.has(f.field)) patch[f.field] = f.value ?? '';
    else if (ACTION_DATES.has(f.field)) patch[f.field] = f.value ?? null;
    else if (ACTION_IDS[f.field]) patch[ACTION_IDS[f.field]!] = f.value ?? null;
  }
  if (Object.keys(patch).length) actionService.update(ctx, { id: w.actionId, ...patch } as Parameters<typeof actionService.update>[1]);

  const rag = get('rag');
  const reason = get('ragReason');
  if (rag || reason) {
    const view = actionService.get(ctx, w.actionId);
    const wanted = String(rag?.value ?? view.rag);
    const ownReason = reason ? String(reason.value ?? '').trim() : '';
    if (wanted === view.ragDerived && !ownReason) {
      if (view.ragOverride) actionService.update(ctx, { id: w.actionId, ragOverride: null });
    } else {
      // A partner's RAG is a judgement, kept as the action's RAG (with a reason) until changed.
      actionService.update(ctx, { id: w.actionId, ragOverride: wanted as never, ragOverrideReason: ownReason || w.ragReasonFallback });
    }
  }

  const status = get('status');
  if (status || rag || w.commentary) {
    const view = actionService.get(ctx, w.actionId);
    const finalStatus = String(status?.value ?? view.status);
    progressService.create(
      ctx,
      {
        actionId: w.actionId,
        milestoneId: null,
        reportedOn: day,
        periodLabel: '',
        status: finalStatus as never,
        rag: view.rag,
        highlights: w.commentary?.highlights ?? '',
        issues: w.commentary?.issues ?? '',
        mitigation: w.commentary?.mitigation ?? '',
        author: w.partner.slice(0, 120),
      },
      `import:${w.partner}`,
    );
    // An update dated before the newest one does not move the status; the partner's status still stands.
    if (status && getLive(ctx, 'action', w.actionId).status !== finalStatus) actionService.update(ctx, { id: w.actionId, status: finalStatus as never });
  }
  return fields.length;
}

function applyMilestone(ctx: ServiceContext, milestoneId: number, fields: FieldWork[]): number {
  const patch: Record<string, unknown> = {};
  for (const f of fields) patch[f.field] = f.field === 'title' || f.field === 'periodLabel' ? (f.value ?? '') : (f.value ?? null);
  milestoneService.update(ctx, { id: milestoneId, ...patch } as Parameters<typeof milestoneService.update>[1]);
  return fields.length;
}

export function applyPlanReturn(ctx: ServiceContext, parsed: ParsedReturn, options: ApplyOptions = {}): ApplySummary {
  const { preview, work } = compareReturn(ctx, parsed, options);
  const decisions = new Map((options.decisions ?? []).map((d) => [d.rowKey, d.resolution]));
  const unresolved = preview.rows.filter((r) => r.conflict && !decisions.has(r.rowKey));
  if (unresolved.length && !options.defaultConflictResolution) {
    throw new ServiceError(
      'conflict',
      `${unresolved.length === 1 ? 'One row has' : `${unresolved.length} rows have`} also been changed in the app since the file was exported (for example ${unresolved[0]!.title}). Choose “keep mine” or “take theirs” for each, then apply again. Nothing was changed.`,
    );
  }
  const summary: ApplySummary = {
    actionsChanged: 0,
    milestonesChanged: 0,
    milestonesAdded: 0,
    updatesAdded: 0,
    fieldsChanged: 0,
    keptMine: 0,
    tookTheirs: 0,
    skipped: 0,
    rejected: preview.rejected.length,
    alreadyPresent: preview.counts.alreadyPresent,
    message: '',
  };
  const day = today(ctx);
  for (const w of work) {
    const resolution = decisions.get(w.rowKey) ?? (preview.rows.find((r) => r.rowKey === w.rowKey)?.conflict ? options.defaultConflictResolution : 'take_theirs');
    if (resolution === 'skip') {
      summary.skipped += 1;
      continue;
    }
    const keep = (fields: FieldWork[]) => {
      const conflicts = fields.filter((f) => f.conflict).length;
      if (resolution === 'keep_mine') {
        summary.keptMine += conflicts;
        return fields.filter((f) => !f.conflict);
      }
      summary.tookTheirs += conflicts;
      return fields;
    };
    if (w.kind === 'action') {
      const fields = keep(w.fields);
      if (fields.length === 0 && !w.commentary) continue;
      summary.fieldsChanged += applyAction(ctx, w, fields, day);
      summary.actionsChanged += fields.length ? 1 : 0;
      summary.updatesAdded += fields.some((f) => f.field === 'status' || f.field === 'rag') || w.commentary ? 1 : 0;
    } else if (w.kind === 'milestone') {
      const fields = keep(w.fields);
      if (fields.length === 0) continue;
      summary.fieldsChanged += applyMilestone(ctx, w.milestoneId, fields);
      summary.milestonesChanged += 1;
    } else if (w.kind === 'new_milestone') {
      milestoneService.create(ctx, { actionId: w.actionId, ...w.values } as Parameters<typeof milestoneService.create>[1]);
      summary.milestonesAdded += 1;
    } else {
      progressService.create(ctx, { actionId: w.actionId, milestoneId: null, ...w.update } as Parameters<typeof progressService.create>[1], `import:${w.partner}`);
      summary.updatesAdded += 1;
    }
  }
  summary.message = describe(summary);
  return summary;
}

function describe(s: ApplySummary): string {
  const parts = [
    s.actionsChanged && `${s.actionsChanged} action${s.actionsChanged === 1 ? '' : 's'} changed`,
    s.milestonesChanged && `${s.milestonesChanged} milestone${s.milestonesChanged === 1 ? '' : 's'} changed`,
    s.milestonesAdded && `${s.milestonesAdded} milestone${s.milestonesAdded === 1 ? '' : 's'} added`,
    s.updatesAdded && `${s.updatesAdded} progress update${s.updatesAdded === 1 ? '' : 's'} added`,
  ].filter(Boolean);
  const done = parts.length ? `${parts.join(', ')}.` : 'Nothing needed changing: the workbook already matches this file.';
  const notes = [
    s.keptMine && `Kept your version of ${s.keptMine} field${s.keptMine === 1 ? '' : 's'} changed on both sides.`,
    s.skipped && `${s.skipped} row${s.skipped === 1 ? '' : 's'} skipped as you chose.`,
    s.rejected && `${s.rejected} row${s.rejected === 1 ? ' was' : 's were'} not used (see the reasons in the preview).`,
  ].filter(Boolean);
  return [done, ...notes].join(' ');
}
