/**
 * Correcting a self-evaluation version and its sections (issue #15: a version could not be edited
 * or marked Agreed, and sections could not be added or removed). Mounted on the SEF screens.
 */
import { Button, Field, Select } from '@fluentui/react-components';
import { Add20Regular, CheckmarkCircle20Regular, Edit20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { ChannelOutput } from '../../../electron/contract/channels';
import { label, SEF_STATUSES } from '../../../electron/contract/enums';
import { ukDate } from '../../../electron/contract/format';
import { toApiError, useApi } from '../../api/api-context';
import { dateInput, useForm } from '../../api/use-form';
import { frameworkOf, useWorkbook } from '../../app/workbook-context';
import { DateField, FieldRow, FormShell, SelectField, TextField } from '../../components/form-fields';
import { notify } from '../../components/notices';
import { RowDeleteButton } from '../../components/record-actions';
import { ErrorState } from '../../components/states';

type Sef = ChannelOutput<'sef:get'>;
type SectionRow = ChannelOutput<'section:list'>[number];

function SefEditForm({ sef, onDone }: { sef: Sef; onDone(): void }) {
  const { reference } = useWorkbook();
  const form = useForm({
    channel: 'sef:update',
    initial: { title: sef.title, scaleId: sef.scaleId, asOf: ukDate(sef.asOf), status: sef.status },
    toInput: (v) => ({ id: sef.id, expectedVersion: sef.version, title: v.title, scaleId: v.scaleId, asOf: dateInput(v.asOf) ?? '', status: v.status }),
    onSaved: onDone,
  });
  return (
    <FormShell form={form} label="Edit this self-evaluation version" saveLabel="Save version" onCancel={onDone}>
      <TextField form={form} name="title" label="Title" required />
      <FieldRow>
        <DateField form={form} name="asOf" label="As at" required />
        <SelectField form={form} name="scaleId" label="Judgement scale" options={reference.scales.map((x) => ({ value: x.id, label: x.name }))} />
        <SelectField form={form} name="status" label="Status" options={SEF_STATUSES.map((x) => ({ value: x, label: label(x) }))} />
      </FieldRow>
    </FormShell>
  );
}

/** Edit and "Mark as agreed" for a version, for the page's toolbar; the form shows in `slot`. */
export function useSefVersionTools(sef: Sef | null) {
  const { client, changed } = useApi();
  const { readOnly } = useWorkbook();
  const [editing, setEditing] = useState(false);
  const [problem, setProblem] = useState<ReturnType<typeof toApiError> | null>(null);
  if (!sef || readOnly) return { buttons: null, slot: null };
  const agree = async () => {
    setProblem(null);
    try {
      await client.call('sef:update', { id: sef.id, expectedVersion: sef.version, status: 'agreed' });
      changed();
      notify(`Saved: ${sef.title} is marked agreed.`);
    } catch (e) {
      setProblem(toApiError(e));
    }
  };
  return {
    buttons: (
      <>
        {!editing && (
          <Button icon={<Edit20Regular />} onClick={() => setEditing(true)}>
            Edit version
          </Button>
        )}
        {sef.status === 'draft' && (
          <Button icon={<CheckmarkCircle20Regular />} onClick={() => void agree()}>
            Mark as agreed
          </Button>
        )}
      </>
    ),
    slot: (
      <>
        {problem && <ErrorState error={problem} />}
        {editing && <SefEditForm key={sef.version} sef={sef} onDone={() => setEditing(false)} />}
      </>
    ),
  };
}

/** Adds a section for a criterion the version does not cover yet (e.g. one removed by mistake). */
export function AddSectionControl({ sef, sections }: { sef: Sef; sections: SectionRow[] }) {
  const { client, changed } = useApi();
  const { reference, readOnly } = useWorkbook();
  const [chosen, setChosen] = useState('');
  const [problem, setProblem] = useState<ReturnType<typeof toApiError> | null>(null);
  if (readOnly) return null;
  const have = new Set(sections.map((x) => x.criterionId));
  const missing = (frameworkOf(reference, sef.frameworkId)?.criteria ?? []).filter((c) => !have.has(c.id));
  if (missing.length === 0) return null;
  const add = async () => {
    setProblem(null);
    try {
      await client.call('section:create', { sefId: sef.id, criterionId: chosen });
      changed();
      notify(`Saved: section added for ${missing.find((c) => c.id === chosen)?.label ?? 'the criterion'}.`);
      setChosen('');
    } catch (e) {
      setProblem(toApiError(e));
    }
  };
  return (
    <div style={{ display: 'flex', gap: 8, alignItems: 'flex-end', flexWrap: 'wrap', marginTop: 12 }}>
      <Field label="Add a section for">
        <Select value={chosen} onChange={(_, d) => setChosen(d.value)}>
          <option value="">Choose a criterion</option>
          {missing.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </Select>
      </Field>
      <Button icon={<Add20Regular />} disabled={!chosen} onClick={() => void add()}>
        Add section
      </Button>
      {problem && <ErrorState error={problem} />}
    </div>
  );
}

export function RemoveSectionButton({ section }: { section: SectionRow }) {
  return <RowDeleteButton channel="section:delete" id={section.id} what={`the section ${section.criterionLabel}`} label="Remove" />;
}
