/** Form fields bound to useForm: labelled, with the contract's messages shown as the officer types. */
import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId, type FormEvent, type ReactNode } from 'react';
import type { Form, FormValues } from '../api/use-form';
import { useWorkbook } from '../app/workbook-context';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '760px' },
  row: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap', '& > *': { flex: '1 1 200px' } },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  group: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL },
  box: { display: 'flex', flexDirection: 'column', maxHeight: '240px', overflowY: 'auto', border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalS },
  fieldset: { border: 'none', margin: 0, padding: 0, minWidth: 0 },
  legend: { padding: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXXS },
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  error: { fontSize: tokens.fontSizeBase200, color: tokens.colorPaletteRedForeground1 },
});

type Named<V extends FormValues> = { form: Form<V>; name: keyof V & string; label: string; hint?: string; required?: boolean; disabled?: boolean };

function useLocked(disabled?: boolean): boolean {
  return useWorkbook().readOnly || !!disabled;
}

export function TextField<V extends FormValues>({ form, name, label, hint, required, disabled, multiline, rows = 4 }: Named<V> & { multiline?: boolean; rows?: number }) {
  const locked = useLocked(disabled);
  const err = form.error(name);
  const value = String(form.values[name] ?? '');
  return (
    <Field label={label} hint={hint} required={required} validationMessage={err} validationState={err ? 'error' : 'none'}>
      {multiline ? (
        <Textarea name={name} value={value} rows={rows} resize="vertical" disabled={locked} onChange={(_, d) => form.set(name, d.value as V[typeof name])} />
      ) : (
        <Input name={name} value={value} disabled={locked} onChange={(_, d) => form.set(name, d.value as V[typeof name])} />
      )}
    </Field>
  );
}

/** Dates are typed and shown as 22/11/2026; the form converts them for the contract. */
export function DateField<V extends FormValues>({ form, name, label, hint = 'For example, 22/11/2026', required, disabled }: Named<V>) {
  const locked = useLocked(disabled);
  const err = form.error(name);
  return (
    <Field label={label} hint={hint} required={required} validationMessage={err} validationState={err ? 'error' : 'none'}>
      <Input
        name={name}
        inputMode="numeric"
        autoComplete="off"
        placeholder="dd/mm/yyyy"
        value={String(form.values[name] ?? '')}
        disabled={locked}
        onChange={(_, d) => form.set(name, d.value as V[typeof name])}
      />
    </Field>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField<V extends FormValues>({ form, name, label, hint, required, disabled, options, emptyLabel }: Named<V> & { options: Option[]; emptyLabel?: string }) {
  const locked = useLocked(disabled);
  const err = form.error(name);
  return (
    <Field label={label} hint={hint} required={required} validationMessage={err} validationState={err ? 'error' : 'none'}>
      <Select name={name} value={String(form.values[name] ?? '')} disabled={locked} onChange={(_, d) => form.set(name, d.value as V[typeof name])}>
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}

export function CheckboxField<V extends FormValues>({ form, name, label, disabled }: Named<V>) {
  const locked = useLocked(disabled);
  const err = form.error(name);
  return (
    <Field validationMessage={err} validationState={err ? 'error' : 'none'}>
      <Checkbox label={label} checked={form.values[name] === true} disabled={locked} onChange={(_, d) => form.set(name, (d.checked === true) as V[typeof name])} />
    </Field>
  );
}

/**
 * Several choices at once (e.g. the partners owning a finding): a fieldset of checkboxes holding ids
 * as strings. Not wrapped in a Fluent <Field>, which would give every checkbox the same id.
 */
export function CheckboxGroupField<V extends FormValues>({ form, name, label, hint, disabled, options, emptyText, boxed }: Named<V> & { options: Option[]; emptyText: string; boxed?: boolean }) {
  const locked = useLocked(disabled);
  const s = useStyles();
  const hintId = useId();
  const err = form.error(name);
  const chosen = (form.values[name] as string[] | undefined) ?? [];
  const toggle = (value: string, on: boolean) => form.set(name, (on ? [...chosen, value] : chosen.filter((x) => x !== value)) as V[typeof name]);
  return (
    <fieldset className={s.fieldset} aria-describedby={hint ? hintId : undefined}>
      <legend className={s.legend}>{label}</legend>
      {hint && (
        <div id={hintId} className={s.hint}>
          {hint}
        </div>
      )}
      <div className={boxed ? s.box : s.group}>
        {options.length === 0 && <span>{emptyText}</span>}
        {options.map((o) => (
          <Checkbox key={o.value} label={o.label} checked={chosen.includes(o.value)} disabled={locked} onChange={(_, d) => toggle(o.value, d.checked === true)} />
        ))}
      </div>
      {err && (
        <div role="alert" className={s.error}>
          {err}
        </div>
      )}
    </fieldset>
  );
}

export function FieldRow({ children }: { children: ReactNode }) {
  return <div className={useStyles().row}>{children}</div>;
}

/** A <form> with the problem banner, Save and (optionally) Cancel. Enter in a one-line field saves. */
export function FormShell<V extends FormValues>({
  form,
  label,
  saveLabel = 'Save',
  onCancel,
  children,
}: {
  form: Form<V>;
  label: string;
  saveLabel?: string;
  onCancel?: () => void;
  children: ReactNode;
}) {
  const s = useStyles();
  const { readOnly } = useWorkbook();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void form.submit();
  };
  return (
    <form className={s.form} aria-label={label} onSubmit={onSubmit} noValidate>
      {form.formError && (
        <MessageBar intent={form.formError.code === 'conflict' ? 'warning' : 'error'} role="alert">
          <MessageBarBody>
            <MessageBarTitle>{form.formError.code === 'conflict' ? 'Changed elsewhere' : 'Not saved'}</MessageBarTitle>
            {form.formError.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {children}
      <div className={s.actions}>
        <Button type="submit" appearance="primary" disabled={readOnly || form.saving}>
          {saveLabel}
        </Button>
        {onCancel && (
          <Button type="button" onClick={onCancel} disabled={form.saving}>
            Cancel
          </Button>
        )}
        {form.saving && <Spinner size="tiny" label="Saving…" />}
        {form.dirty && !form.saving && <span role="status">Unsaved changes</span>}
      </div>
    </form>
  );
}
