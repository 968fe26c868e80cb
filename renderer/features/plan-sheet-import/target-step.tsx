/**
 * Step 6: where the priorities go — a new plan (its title and type) or an existing plan, where a
 * priority with the same reference gets the new actions — and, when the sheet has RAG ratings or
 * progress notes, the date they were written.
 */
import { Field, Input, Radio, RadioGroup, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useQuery } from '../../api/api-context';
import { useWorkbook } from '../../app/workbook-context';
import { StepFrame, type FrameProps } from './step-frame';
import { targetIds, type TargetChoice } from './wizard-model';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap', '& > *': { flex: '1 1 220px' } },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '760px' },
});

export function TargetStep({ frame, target, onTarget, asksReportedOn, onBack, onNext }: { frame: FrameProps; target: TargetChoice; onTarget(t: TargetChoice): void; asksReportedOn: boolean; onBack(): void; onNext(): void }) {
  const s = useStyles();
  const { reference } = useWorkbook();
  const plans = useQuery('plan:list', { limit: 500 });
  const set = (patch: Partial<TargetChoice>) => onTarget({ ...target, ...patch });
  const issue = (id: string) => frame.problem?.items?.find((i) => i.target === id)?.message;
  const state = (id: string) => (issue(id) ? 'error' : 'none') as 'error' | 'none';
  const havePlans = plans.status === 'ok' && plans.data.items.length > 0;
  return (
    <StepFrame {...frame} onBack={onBack} next={{ label: 'Preview the import', onNext }}>
      <div className={s.group}>
        <Field label="Import into">
          <RadioGroup value={target.kind} onChange={(_, d) => set({ kind: d.value as TargetChoice['kind'] })}>
            <Radio value="new" label="A new plan" />
            <Radio value="existing" label={plans.status === 'ok' && !havePlans ? 'A plan already in the workbook (there are none yet)' : 'A plan already in the workbook'} disabled={plans.status === 'ok' && !havePlans} />
          </RadioGroup>
        </Field>
        {target.kind === 'new' ? (
          <>
            <div className={s.row}>
              <Field label="Title of the new plan" required validationMessage={issue(targetIds.title)} validationState={state(targetIds.title)}>
                <Input id={targetIds.title} value={target.title} onChange={(_, d) => set({ title: d.value })} />
              </Field>
              <Field label="Type of plan">
                <Select value={target.type} onChange={(_, d) => set({ type: d.value })}>
                  {reference.planTypes.map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.name}
                    </option>
                  ))}
                </Select>
              </Field>
            </div>
            <div className={s.row}>
              <Field label="Plan starts (optional)" hint="For example, 22/11/2026" validationMessage={issue(targetIds.startsOn)} validationState={state(targetIds.startsOn)}>
                <Input id={targetIds.startsOn} value={target.startsOn} inputMode="numeric" autoComplete="off" placeholder="dd/mm/yyyy" onChange={(_, d) => set({ startsOn: d.value })} />
              </Field>
              <Field label="Plan ends (optional)" hint="For example, 31/03/2028" validationMessage={issue(targetIds.endsOn)} validationState={state(targetIds.endsOn)}>
                <Input id={targetIds.endsOn} value={target.endsOn} inputMode="numeric" autoComplete="off" placeholder="dd/mm/yyyy" onChange={(_, d) => set({ endsOn: d.value })} />
              </Field>
            </div>
            <p>You can change the plan’s details, review dates and status on its page afterwards.</p>
          </>
        ) : (
          <Field
            label="Plan"
            required
            hint="A priority whose reference is already in this plan gets the new actions; the others are added as new priorities."
            validationMessage={issue(targetIds.planId)}
            validationState={state(targetIds.planId)}
          >
            <Select id={targetIds.planId} value={target.planId} onChange={(_, d) => set({ planId: d.value })}>
              <option value="">Choose…</option>
              {plans.status === 'ok' &&
                plans.data.items.map((p) => (
                  <option key={p.id} value={String(p.id)}>
                    {p.title}
                  </option>
                ))}
            </Select>
          </Field>
        )}
        {asksReportedOn && (
          <Field
            label="Date of the progress in the spreadsheet"
            hint="The RAG ratings and progress notes are recorded as updates on this date. Leave it empty for today, or type a date such as 22/11/2026."
            validationMessage={issue(targetIds.reportedOn)}
            validationState={state(targetIds.reportedOn)}
          >
            <Input id={targetIds.reportedOn} value={target.reportedOn} inputMode="numeric" autoComplete="off" placeholder="dd/mm/yyyy" onChange={(_, d) => set({ reportedOn: d.value })} />
          </Field>
        )}
      </div>
    </StepFrame>
  );
}
