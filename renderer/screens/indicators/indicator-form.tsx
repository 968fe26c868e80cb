/** Add or edit an indicator (KPI): definition, unit, polarity, period type, baseline. */
import type { ChannelOutput } from '../../../electron/contract/channels';
import { INDICATOR_POLARITIES, label, PERIOD_TYPES } from '../../../electron/contract/enums';
import { numberInput, useForm } from '../../api/use-form';
import { FieldRow, FormShell, SelectField, TextField } from '../../components/form-fields';

type Indicator = ChannelOutput<'indicator:get'>;

export function IndicatorForm({ indicator, onSaved, onCancel }: { indicator?: Indicator; onSaved?(i: Indicator): void; onCancel?(): void }) {
  const form = useForm({
    channel: indicator ? 'indicator:update' : 'indicator:create',
    initial: {
      code: indicator?.code ?? '',
      title: indicator?.title ?? '',
      definition: indicator?.definition ?? '',
      unit: indicator?.unit ?? '%',
      polarity: indicator?.polarity ?? 'higher_is_better',
      source: indicator?.source ?? '',
      periodType: indicator?.periodType ?? 'academic_year',
      baselineValue: indicator?.baselineValue == null ? '' : String(indicator.baselineValue),
      baselinePeriod: indicator?.baselinePeriod ?? '',
    },
    resetAfterSave: !indicator,
    toInput: (v) => ({
      ...(indicator ? { id: indicator.id, expectedVersion: indicator.version } : {}),
      code: v.code,
      title: v.title,
      definition: v.definition,
      unit: v.unit,
      polarity: v.polarity,
      source: v.source,
      periodType: v.periodType,
      baselineValue: numberInput(v.baselineValue),
      baselinePeriod: v.baselinePeriod,
    }),
    onSaved: (i) => onSaved?.(i as Indicator),
  });
  return (
    <FormShell form={form} label={indicator ? 'Edit the indicator' : 'Add an indicator'} saveLabel={indicator ? 'Save changes' : 'Add indicator'} onCancel={onCancel}>
      <FieldRow>
        <TextField form={form} name="code" label="Code" hint="For example, KPI3" />
        <TextField form={form} name="title" label="Indicator title" required />
      </FieldRow>
      <TextField form={form} name="definition" label="Definition" multiline rows={2} />
      <FieldRow>
        <TextField form={form} name="unit" label="Unit" />
        <SelectField form={form} name="polarity" label="Polarity" options={INDICATOR_POLARITIES.map((p) => ({ value: p, label: label(p) }))} />
        <SelectField form={form} name="periodType" label="Period type" options={PERIOD_TYPES.map((p) => ({ value: p, label: label(p) }))} />
      </FieldRow>
      <FieldRow>
        <TextField form={form} name="baselineValue" label="Baseline" />
        <TextField form={form} name="baselinePeriod" label="Baseline period" hint="For example, 2018/19" />
        <TextField form={form} name="source" label="Source" />
      </FieldRow>
    </FormShell>
  );
}
