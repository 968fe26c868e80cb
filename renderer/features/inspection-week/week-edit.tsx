/**
 * Correcting, removing and linking inspection-week records (issue #15: information requests,
 * inspectors' requests, tracked children and case themes could be added but not corrected, removed,
 * linked or unlinked). Every panel uses these, so each record behaves the same way: Edit opens a
 * small form in place (focus moves into it and back to Edit when it closes), Move to Bin and Unlink
 * act at once and offer Undo, and every change is announced.
 */
import { Button, Field, Input, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { Delete20Regular, Edit20Regular, Link20Regular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import type { ChannelName } from '../../../electron/contract/channels';
import type { Client } from '../../../electron/contract/client';
import type { ApiError } from '../../../electron/contract/define';
import { useOpenedFocus } from '../../components/form-fields';
import { binnedMessage } from '../../components/record-actions';
import { notify, notifySaved } from '../../components/notices';
import { asApiError, Notice, Show, useLoad } from './week-shared';

const useStyles = makeStyles({
  form: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(14rem, 100%), 1fr))',
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingVerticalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    margin: `${tokens.spacingVerticalS} 0`,
  },
  wide: { gridColumn: '1 / -1' },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', gridColumn: '1 / -1' },
  chips: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, alignItems: 'center' },
  chip: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS },
});

export interface WeekField {
  name: string;
  label: string;
  kind?: 'text' | 'textarea' | 'select';
  hint?: string;
  required?: boolean;
  options?: { value: string; label: string }[];
}

/**
 * An edit form for one record. `save` gets the typed values and turns them into the channel's
 * input (it may throw an ApiError-like failure with field issues, shown beside each field and in
 * a summary that takes focus).
 */
export function WeekEditForm({ label, fields, initial, save, onDone }: { label: string; fields: WeekField[]; initial: Record<string, string>; save(values: Record<string, string>): Promise<unknown>; onDone(): void }) {
  const s = useStyles();
  const ref = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [values, setValues] = useState(initial);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  useOpenedFocus(true, ref);
  const idOf = (name: string) => `week-edit-${label.replace(/[^a-z0-9]+/gi, '-')}-${name}`;
  const issues = Object.fromEntries((problem?.issues ?? []).map((i) => [i.path.split('.')[0] ?? i.path, i.message]));
  const submit = async () => {
    setSaving(true);
    try {
      await save(values);
      setProblem(null);
      notifySaved();
      onDone();
    } catch (e) {
      setProblem(asApiError(e));
      window.setTimeout(() => summaryRef.current?.focus(), 0);
    } finally {
      setSaving(false);
    }
  };
  return (
    <form
      ref={ref}
      aria-label={label}
      className={s.form}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onDone();
        }
      }}
    >
      {problem && (
        <div ref={summaryRef} tabIndex={-1} role="alert" className={s.wide} aria-label="There is a problem">
          <Notice intent="error">
            <strong>There is a problem.</strong>{' '}
            {problem.issues?.length ? (
              problem.issues.map((i) => (
                <a
                  key={i.path}
                  href={`#${idOf(i.path.split('.')[0] ?? i.path)}`}
                  onClick={(e) => {
                    e.preventDefault();
                    document.getElementById(idOf(i.path.split('.')[0] ?? i.path))?.focus();
                  }}
                  style={{ marginRight: 8 }}
                >
                  {i.message}
                </a>
              ))
            ) : (
              problem.message
            )}
          </Notice>
        </div>
      )}
      {fields.map((f) => (
        <Field key={f.name} label={f.label} hint={f.hint} required={f.required} validationMessage={issues[f.name]} className={f.kind === 'textarea' ? s.wide : undefined}>
          {f.kind === 'select' ? (
            <Select id={idOf(f.name)} value={values[f.name] ?? ''} onChange={(_, d) => setValues({ ...values, [f.name]: d.value })}>
              {(f.options ?? []).map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </Select>
          ) : f.kind === 'textarea' ? (
            <Textarea id={idOf(f.name)} value={values[f.name] ?? ''} onChange={(_, d) => setValues({ ...values, [f.name]: d.value })} />
          ) : (
            <Input id={idOf(f.name)} value={values[f.name] ?? ''} onChange={(_, d) => setValues({ ...values, [f.name]: d.value })} />
          )}
        </Field>
      ))}
      <div className={s.buttons}>
        <Button type="submit" appearance="primary" disabled={saving}>
          Save changes
        </Button>
        <Button type="button" onClick={onDone} disabled={saving}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/** "Edit" for a row: the visible word starts its accessible name (WCAG 2.5.3). */
export function EditRowButton({ what, onClick }: { what: string; onClick(): void }) {
  return (
    <Button size="small" icon={<Edit20Regular />} aria-label={`Edit ${what}`} onClick={onClick}>
      Edit
    </Button>
  );
}

type WeekDeleteChannel = Extract<ChannelName, 'infoRequest:delete' | 'trackedChild:delete' | 'caseTheme:delete' | 'inspectorRequest:delete'>;

/** Move-to-bin for a row, with Undo (restore from the Bin) focused, since the row disappears. */
export function WeekDeleteButton({ client, changed, channel, id, what }: { client: Client; changed(): void; channel: WeekDeleteChannel; id: number; what: string }) {
  const [problem, setProblem] = useState<string | null>(null);
  const go = async () => {
    try {
      const d = await client.call(channel, { id });
      changed();
      notify(binnedMessage(what, d), {
        focus: true,
        undo: async () => {
          await client.call('bin:restore', { binEntryId: d.binEntryId });
          changed();
        },
      });
    } catch (e) {
      setProblem(asApiError(e).message);
    }
  };
  return (
    <>
      <Button size="small" icon={<Delete20Regular />} aria-label={`Move to Bin: ${what}`} onClick={() => void go()}>
        Move to Bin
      </Button>
      {problem && <Notice intent="error">{problem}</Notice>}
    </>
  );
}

type Ref = { id: number; reference: string; title: string };

/**
 * The evidence a row cites: each reference with Unlink (Undo relinks), and "Link evidence" to cite
 * one more, chosen from the library by reference and title.
 */
export function WeekEvidenceLinks({
  client,
  changed,
  version,
  what,
  evidence,
  link,
  unlink,
}: {
  client: Client;
  changed(): void;
  version: number;
  what: string;
  evidence: Ref[];
  link(evidenceId: number): Promise<unknown>;
  unlink(evidenceId: number): Promise<unknown>;
}) {
  const s = useStyles();
  const [adding, setAdding] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const doUnlink = async (e: Ref) => {
    setProblem(null);
    try {
      await unlink(e.id);
      changed();
      notify(`Unlinked ${e.reference} from ${what}.`, {
        focus: true,
        undo: async () => {
          await link(e.id);
          changed();
        },
      });
    } catch (err) {
      setProblem(asApiError(err).message);
    }
  };
  return (
    <div className={s.chips}>
      {evidence.length === 0 && <span>None</span>}
      {evidence.map((e) => (
        <span key={e.id} className={s.chip}>
          <span title={e.title}>{e.reference}</span>
          <Button size="small" appearance="subtle" aria-label={`Unlink ${e.reference} ${e.title}`} onClick={() => void doUnlink(e)}>
            Unlink
          </Button>
        </span>
      ))}
      {adding ? (
        <LinkPicker
          client={client}
          version={version}
          exclude={evidence.map((e) => e.id)}
          what={what}
          onPick={async (id) => {
            setProblem(null);
            try {
              await link(id);
              changed();
              notifySaved('evidence linked');
              setAdding(false);
            } catch (err) {
              setProblem(asApiError(err).message);
            }
          }}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <Button size="small" icon={<Link20Regular />} aria-label={`Link evidence to ${what}`} onClick={() => setAdding(true)}>
          Link evidence
        </Button>
      )}
      {problem && <Notice intent="error">{problem}</Notice>}
    </div>
  );
}

function LinkPicker({ client, version, exclude, what, onPick, onCancel }: { client: Client; version: number; exclude: number[]; what: string; onPick(id: number): void; onCancel(): void }) {
  const ref = useRef<HTMLDivElement>(null);
  const loaded = useLoad(client, 'evidence:list', { sort: 'reference', limit: 500 }, version);
  const [chosen, setChosen] = useState('');
  useOpenedFocus(true, ref);
  return (
    <div
      ref={ref}
      role="group"
      aria-label={`Link evidence to ${what}`}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <Show loaded={loaded} label="evidence">
        {(page) => (
          <Field label="Evidence item">
            <Select value={chosen} onChange={(_, d) => setChosen(d.value)}>
              <option value="">Choose an item</option>
              {page.items
                .filter((e) => !exclude.includes(e.id))
                .map((e) => (
                  <option key={e.id} value={e.id}>
                    {`${e.reference} ${e.title}`}
                  </option>
                ))}
            </Select>
          </Field>
        )}
      </Show>
      <Button size="small" appearance="primary" disabled={!chosen} onClick={() => onPick(Number(chosen))}>
        Link
      </Button>{' '}
      <Button size="small" onClick={onCancel}>
        Cancel
      </Button>
    </div>
  );
}
