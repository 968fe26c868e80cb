/** Form fields bound to useForm: labelled, with the contract's messages shown as the officer types. */
import {
  Button,
  Checkbox,
  Field,
  Input,
  Link,
  Select,
  Spinner,
  Textarea,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useId, useRef, type FormEvent, type MouseEvent, type ReactNode, type RefObject } from 'react';
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
  summary: {
    border: `4px solid ${tokens.colorPaletteRedBorder2}`,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    scrollMarginTop: tokens.spacingVerticalXXL,
    ':focus': { outline: `3px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  summaryWarning: { border: `4px solid ${tokens.colorPaletteDarkOrangeBorder2}` },
  summaryTitle: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: `0 0 ${tokens.spacingVerticalS}` },
  summaryText: { margin: `0 0 ${tokens.spacingVerticalS}` },
  summaryList: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  summaryLink: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
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
        <Textarea id={form.fieldId(name)} name={name} value={value} rows={rows} resize="vertical" disabled={locked} onChange={(_, d) => form.set(name, d.value as V[typeof name])} />
      ) : (
        <Input id={form.fieldId(name)} name={name} value={value} disabled={locked} onChange={(_, d) => form.set(name, d.value as V[typeof name])} />
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
        id={form.fieldId(name)}
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
      <Select id={form.fieldId(name)} name={name} value={String(form.values[name] ?? '')} disabled={locked} onChange={(_, d) => form.set(name, d.value as V[typeof name])}>
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
      <Checkbox id={form.fieldId(name)} label={label} checked={form.values[name] === true} disabled={locked} onChange={(_, d) => form.set(name, (d.checked === true) as V[typeof name])} />
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
    <fieldset id={form.fieldId(name)} tabIndex={-1} className={s.fieldset} aria-describedby={hint ? hintId : undefined}>
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

/** One problem in a summary: its words, and the id of the control it concerns, if any. */
export interface SummaryItem {
  message: string;
  targetId?: string;
}

/**
 * The GOV.UK error summary: a title ("There is a problem"), then each problem as a link that moves
 * focus to its control. It is scrolled into view and focused each time `failures` changes (while
 * `focusNow`), so a keyboard or screen-reader user lands on it rather than staying on the button
 * below the fold. Forms (ErrorSummary) and the import wizards' steps both use it.
 */
export function ProblemSummaryBox({
  title = 'There is a problem',
  message,
  items = [],
  failures,
  focusNow = true,
  warning = false,
  headingLevel = 2,
}: {
  title?: string;
  message?: string | null;
  items?: SummaryItem[];
  failures: number;
  focusNow?: boolean;
  warning?: boolean;
  headingLevel?: 2 | 3;
}) {
  const s = useStyles();
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    if (!focusNow || !ref.current) return;
    ref.current.scrollIntoView?.({ block: 'start' });
    ref.current.focus();
  }, [failures, focusNow]);
  const jump = (id: string) => (e: MouseEvent) => {
    e.preventDefault();
    const el = document.getElementById(id);
    const target = el?.tagName === 'FIELDSET' ? (el.querySelector('input') ?? el) : el;
    target?.scrollIntoView?.({ block: 'center' });
    target?.focus();
  };
  const Heading = headingLevel === 3 ? 'h3' : 'h2';
  return (
    <div ref={ref} tabIndex={-1} role="alert" aria-labelledby={titleId} className={mergeClasses(s.summary, warning && s.summaryWarning)} data-error-summary="">
      <Heading id={titleId} className={s.summaryTitle}>
        {title}
      </Heading>
      {message ? <p className={s.summaryText}>{message}</p> : null}
      {items.length > 0 && (
        <ul className={s.summaryList}>
          {items.map((i) => (
            <li key={`${i.targetId ?? ''}-${i.message}`}>
              {i.targetId ? (
                <Link href={`#${i.targetId}`} onClick={jump(i.targetId)} className={s.summaryLink}>
                  {i.message}
                </Link>
              ) : (
                i.message
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A form's error summary: the form's refusal, each field's message linked to the field. */
export function ErrorSummary<V extends FormValues>({ form }: { form: Form<V> }) {
  const err = form.formError;
  if (!err) return null;
  const conflict = err.code === 'conflict';
  return (
    <ProblemSummaryBox
      title={conflict ? 'Changed elsewhere' : 'There is a problem'}
      message={form.issues.length === 0 || err.code !== 'invalid_input' ? err.message : null}
      items={form.issues.map((i) => ({ message: i.message, targetId: form.fieldId(i.name) }))}
      failures={form.failures}
      focusNow={form.failures > 0}
      warning={conflict}
    />
  );
}

/** Text, tag and label of a control, to find it again if React replaced it while a form was open. */
function describe(el: Element): string {
  return `${el.tagName}|${el.getAttribute('aria-label') ?? ''}|${el.textContent ?? ''}`;
}

/**
 * The last control that had focus. A button that opens a form is often removed as the form
 * appears ("Add a partner" hides while adding), so by the time the form mounts focus is already on
 * <body>; this remembers where it was.
 */
let lastFocused: { el: HTMLElement; key: string } | null = null;
if (typeof document !== 'undefined') {
  document.addEventListener('focusin', (e) => {
    if (e.target instanceof HTMLElement && e.target !== document.body) lastFocused = { el: e.target, key: describe(e.target) };
  });
}

/**
 * Puts focus on `find()` once it exists (the page may still be re-rendering, e.g. a row restored by
 * Undo), else on the main content: focus never stays on <body>.
 */
export function returnFocus(find: () => HTMLElement | null | undefined, tries = 30, startedFrom: Element | null = document.activeElement): void {
  // While we wait, the officer (or the next screen) may already have put focus somewhere else, say
  // in a field they are typing into: never take it away from there.
  const now = document.activeElement;
  if (now && now !== document.body && now !== startedFrom && now.isConnected) return;
  const target = find();
  if (target) {
    target.focus();
    return;
  }
  if (tries <= 0) {
    document.getElementById('main-content')?.focus();
    return;
  }
  window.setTimeout(() => returnFocus(find, tries - 1, startedFrom), 50);
}

/**
 * Gives focus back to `find()` once a closing dialog has gone (Fluent keeps it on screen, holding
 * focus, while it fades out, then leaves focus on <body>).
 */
export function returnFocusAfterDialog(find: () => HTMLElement | null | undefined, tries = 40): void {
  if (tries > 0 && document.querySelector('[role="dialog"], [role="alertdialog"]')) {
    window.setTimeout(() => returnFocusAfterDialog(find, tries - 1), 50);
    return;
  }
  returnFocus(find);
}

/** Finds a control again: the same element if still there, else one with the same tag, name and text. */
export function finderFor(el: Element | null): () => HTMLElement | null {
  if (!el || el === document.body) return () => null;
  const key = describe(el);
  const tag = el.tagName;
  return () => {
    if (el instanceof HTMLElement && el.isConnected) return el;
    return Array.from(document.querySelectorAll<HTMLElement>(tag)).find((x) => describe(x) === key) ?? null;
  };
}

/** The opener of a form that has just unmounted, for a form mounting in its place in the same commit. */
let handedOn: { find: () => HTMLElement | null; taken: boolean } | null = null;

/**
 * Focus for forms that open on request ("Add…", "Edit"): the first field takes focus when the form
 * opens, and focus goes back to the control that opened it when it closes (WCAG 2.4.3) — found again
 * by its text if the screen re-rendered it — and never to <body>.
 */
export function useOpenedFocus(enabled: boolean, formRef: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    if (!enabled) return;
    const active = document.activeElement;
    // A form whose effect runs again just after opening (re-mounted, or StrictMode) hands its opener
    // on: otherwise the second run took the form's own first field for the opener, and closing the
    // form sent focus to another empty field or to the page (issue #15, found by test/e2e/focus-return).
    const inherited = handedOn && (active === document.body || active === null || !!formRef.current?.contains(active)) ? handedOn : null;
    if (inherited) inherited.taken = true;
    handedOn = null;
    const opener = active && active !== document.body ? active : (lastFocused?.el ?? null);
    const find = inherited?.find ?? finderFor(opener);
    const first = formRef.current?.querySelector<HTMLElement>('input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled])');
    first?.focus();
    const form = formRef.current;
    return () => {
      const focusWasInside = !!form && (form.contains(document.activeElement) || document.activeElement === document.body || document.activeElement === null);
      const handing = focusWasInside ? { find, taken: false } : null;
      handedOn = handing;
      // After React has finished replacing the form (e.g. with the "Add…" button again).
      window.setTimeout(() => {
        if (handedOn === handing) handedOn = null;
        if (!focusWasInside || handing?.taken) return;
        const now = document.activeElement;
        // Still open (the effect ran again), or focus already went somewhere on purpose.
        if (form?.isConnected && form.contains(now)) return;
        if (now && now !== document.body && now.isConnected && !form?.contains(now)) return;
        returnFocus(find);
      }, 0);
    };
  }, [enabled]);
}

/**
 * A <form> with the error summary, Save and (optionally) Cancel. Enter in a one-line field saves.
 * A form with Cancel is one that opened on request: it takes focus when it opens and gives it back
 * when it closes; Escape cancels it.
 */
export function FormShell<V extends FormValues>({
  form,
  label,
  saveLabel = 'Save',
  onCancel,
  autoFocus,
  children,
}: {
  form: Form<V>;
  label: string;
  saveLabel?: string;
  onCancel?: () => void;
  /** Defaults to true when the form can be cancelled (it was opened by a button). */
  autoFocus?: boolean;
  children: ReactNode;
}) {
  const s = useStyles();
  const { readOnly } = useWorkbook();
  const ref = useRef<HTMLFormElement>(null);
  useOpenedFocus(autoFocus ?? !!onCancel, ref);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void form.submit();
  };
  return (
    <form
      ref={ref}
      className={s.form}
      aria-label={label}
      onSubmit={onSubmit}
      noValidate
      onKeyDown={(e) => {
        if (e.key === 'Escape' && onCancel && !form.saving) {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <ErrorSummary form={form} />
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
