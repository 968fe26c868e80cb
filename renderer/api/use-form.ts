/**
 * Form state for one contract channel. Validates as the officer types by running the channel's own
 * zod input schema (so the messages are the contract's), shows the server's field issues, sends
 * expectedVersion for optimistic concurrency (the caller includes it in toInput), and registers
 * unsaved changes so navigation and closing the window ask first.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { contract, type ChannelName, type ChannelOutput } from '../../electron/contract/channels';
import type { ApiError } from '../../electron/contract/define';
import { parseUkDate } from '../../electron/contract/format';
import { setDirty } from '../app/unsaved-changes';
import { notifySaved } from '../components/notices';
import { toApiError, useApi } from './api-context';

export type FormValue = string | boolean | string[];
export type FormValues = Record<string, FormValue>;

/** A typed UK date → the contract's ISO date; empty → null; anything else passes through so zod explains it. */
export function dateInput(text: FormValue | undefined): string | null {
  const t = String(text ?? '').trim();
  if (t === '') return null;
  return parseUkDate(t) ?? t;
}

/** A chosen id from a <select> ('' = none). */
export function idInput(value: FormValue | undefined): number | null {
  const t = String(value ?? '');
  return t === '' ? null : Number(t);
}

/** A typed number; empty → null; not-a-number passes through as NaN so zod reports "must be a number". */
export function numberInput(value: FormValue | undefined): number | null {
  const t = String(value ?? '').trim().replace(/,/g, '');
  if (t === '') return null;
  return Number(t);
}

export interface FormOptions<C extends ChannelName, V extends FormValues> {
  channel: C;
  initial: V;
  toInput(values: V): unknown;
  onSaved?(value: ChannelOutput<C>, values: V): void;
  /** After saving, start again from `initial` (add forms) instead of keeping the values (edit forms). */
  resetAfterSave?: boolean;
  /** Rules that involve several fields (e.g. a reason required with an override), as field → message. */
  check?(values: V): Partial<Record<string, string>>;
  /** Maps an input path (e.g. "target.id") to the form field that shows its message. */
  fieldOf?(path: string): string;
}

export interface Form<V extends FormValues> {
  values: V;
  set<K extends keyof V & string>(name: K, value: V[K]): void;
  /** The message to show under a field now (after it was changed, or after a submit attempt). */
  error(name: keyof V & string): string | undefined;
  /** A problem not tied to one field (conflict, read-only, server down). */
  formError: ApiError | null;
  dirty: boolean;
  saving: boolean;
  /** Validates, saves, and resolves true when saved. */
  submit(): Promise<boolean>;
  reset(values?: V): void;
  /** The id of a field's control, so the error summary can link to it. */
  fieldId(name: string): string;
  /** Every field problem to list in the error summary (after a failed save), in field order. */
  issues: { name: string; message: string }[];
  /** Counts failed saves: the error summary takes focus each time it changes. */
  failures: number;
}

function issuesByField(issues: { path: string; message: string }[], fieldOf: (path: string) => string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) {
    const field = fieldOf(i.path);
    out[field] ??= i.message;
  }
  return out;
}

export function useForm<C extends ChannelName, V extends FormValues>(options: FormOptions<C, V>): Form<V> {
  const { client, changed } = useApi();
  const formId = useId();
  const [base, setBase] = useState(options.initial);
  const [values, setValues] = useState(options.initial);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverIssues, setServerIssues] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [failures, setFailures] = useState(0);
  const opts = useRef(options);
  opts.current = options;
  const fieldOf = options.fieldOf ?? ((p: string) => p.split('.')[0] ?? p);

  const clientIssues = useMemo(() => {
    const parsed = contract[options.channel].input.safeParse(options.toInput(values));
    const extra = options.check?.(values) ?? {};
    if (parsed.success) return extra;
    return {
      ...extra,
      ...issuesByField(
        parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
        fieldOf,
      ),
    };
  }, [values, options.channel]);

  const dirty = useMemo(() => JSON.stringify(values) !== JSON.stringify(base), [values, base]);
  useEffect(() => {
    setDirty(formId, dirty);
    return () => setDirty(formId, false);
  }, [formId, dirty]);

  const set = useCallback(<K extends keyof V & string>(name: K, value: V[K]) => {
    setValues((v) => ({ ...v, [name]: value }));
    setTouched((t) => (t.has(name) ? t : new Set(t).add(name)));
    setServerIssues((s) => {
      if (!(name in s)) return s;
      const { [name]: _gone, ...rest } = s;
      return rest;
    });
  }, []);

  const error = (name: string) => {
    if (serverIssues[name]) return serverIssues[name];
    if (submitted || touched.has(name)) return clientIssues[name];
    return undefined;
  };

  const reset = useCallback((next?: V) => {
    const v = next ?? opts.current.initial;
    setBase(v);
    setValues(v);
    setTouched(new Set());
    setSubmitted(false);
    setServerIssues({});
    setFormError(null);
  }, []);

  const submit = async () => {
    setSubmitted(true);
    setFormError(null);
    const o = opts.current;
    const input = o.toInput(values);
    const parsed = contract[o.channel].input.safeParse(input);
    if (!parsed.success || Object.keys(o.check?.(values) ?? {}).length > 0) {
      setFormError({ code: 'invalid_input', message: 'Check the fields marked below, then save again.' });
      setFailures((n) => n + 1);
      return false;
    }
    setSaving(true);
    try {
      // Send what the officer entered (not zod's output): the server parses it again.
      const r = await client.result(o.channel, input as never);
      if (!r.ok) {
        setServerIssues(issuesByField(r.error.issues ?? [], fieldOf));
        setFormError(r.error);
        setFailures((n) => n + 1);
        return false;
      }
      setDirty(formId, false);
      if (o.resetAfterSave) reset(o.initial);
      else reset(values);
      changed();
      notifySaved();
      o.onSaved?.(r.value as ChannelOutput<C>, values);
      return true;
    } catch (e) {
      setFormError(toApiError(e));
      setFailures((n) => n + 1);
      return false;
    } finally {
      setSaving(false);
    }
  };

  const fieldId = useCallback((name: string) => `${formId}-${name}`.replace(/:/g, ''), [formId]);
  // Field order = the order of `initial`; then anything the server named that no field shows.
  const names = [...Object.keys(options.initial), ...Object.keys(serverIssues).filter((k) => !(k in options.initial))];
  const issues = formError
    ? names.flatMap((name) => {
        const message = error(name);
        return message ? [{ name, message }] : [];
      })
    : [];

  return { values, set, error, formError, dirty, saving, submit, reset, fieldId, issues, failures };
}
