/** Tracked children: pseudonyms only. The app refuses names, dates of birth, NHS numbers and UPNs, and says why. */
import { Button, Field, Input, Select, TableCell, TableRow, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { ukDate } from '../../../electron/contract/format';
import { CONSENT_STATUSES, SEN_STATUSES, SETTING_TYPES, weekLabel } from '../../../electron/contract/groups/inspection-week';
import { notify } from '../../components/notices';
import { EditRowButton, WeekDeleteButton, WeekEditForm, WeekEvidenceLinks, type WeekField } from './week-edit';
import { asApiError, dateInput, Notice, Show, useLoad, WeekTable, type WeekPanelProps } from './week-shared';

const options = (codes: readonly string[]) => codes.map((v) => ({ value: v, label: weekLabel(v) }));
const EDIT_FIELDS: WeekField[] = [
  { name: 'pseudonym', label: 'Pseudonym', required: true, hint: 'For example CYP-A: never a name or number' },
  { name: 'settingType', label: 'Setting type', kind: 'select', options: options(SETTING_TYPES) },
  { name: 'senStatus', label: 'SEN support or EHC plan', kind: 'select', options: options(SEN_STATUSES) },
  { name: 'consentStatus', label: 'Consent', kind: 'select', options: options(CONSENT_STATUSES) },
  { name: 'selectedOn', label: 'Date selected', hint: 'For example, 22/11/2026' },
  { name: 'meetingOn', label: 'Tracking meeting', hint: 'For example, 26/11/2026' },
  { name: 'notes', label: 'Notes', kind: 'textarea' },
];

const useStyles = makeStyles({
  form: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(12rem, 1fr))', gap: tokens.spacingHorizontalM, marginBottom: tokens.spacingVerticalM },
});

type Setting = (typeof SETTING_TYPES)[number];
type Sen = (typeof SEN_STATUSES)[number];
type Consent = (typeof CONSENT_STATUSES)[number];

const EMPTY = { pseudonym: '', settingType: 'mainstream' as Setting, senStatus: 'ehc_plan' as Sen, consentStatus: 'not_asked' as Consent, notes: '' };

export function TrackedChildrenPanel({ client, eventId, version, changed }: WeekPanelProps) {
  const s = useStyles();
  const loaded = useLoad(client, 'trackedChild:list', { eventId }, version);
  const [form, setForm] = useState(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [warnings, setWarnings] = useState<string[]>([]);
  const [editing, setEditing] = useState<number | null>(null);

  const add = async () => {
    try {
      const saved = await client.call('trackedChild:create', { eventId, ...form });
      setWarnings(saved.warnings);
      setErrors({});
      setForm(EMPTY);
      changed();
    } catch (e) {
      const error = asApiError(e);
      setWarnings([]);
      setErrors(Object.fromEntries((error.issues ?? [{ path: '', message: error.message }]).map((i) => [i.path, i.message])));
    }
  };

  return (
    <>
      <div className={s.form}>
        <Field label="Pseudonym" required hint="For example CYP-A or Child 3: never a name or number" validationMessage={errors.pseudonym}>
          <Input value={form.pseudonym} onChange={(_, d) => setForm({ ...form, pseudonym: d.value })} />
        </Field>
        <Field label="Setting type">
          <Select value={form.settingType} onChange={(_, d) => setForm({ ...form, settingType: d.value as Setting })}>
            {SETTING_TYPES.map((v) => (
              <option key={v} value={v}>
                {weekLabel(v)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="SEN support or EHC plan">
          <Select value={form.senStatus} onChange={(_, d) => setForm({ ...form, senStatus: d.value as Sen })}>
            {SEN_STATUSES.map((v) => (
              <option key={v} value={v}>
                {weekLabel(v)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Consent">
          <Select value={form.consentStatus} onChange={(_, d) => setForm({ ...form, consentStatus: d.value as Consent })}>
            {CONSENT_STATUSES.map((v) => (
              <option key={v} value={v}>
                {weekLabel(v)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Notes" validationMessage={errors.notes}>
          <Textarea value={form.notes} onChange={(_, d) => setForm({ ...form, notes: d.value })} />
        </Field>
      </div>
      <Button appearance="primary" onClick={add}>
        Add tracked child
      </Button>
      {errors[''] && <Notice intent="error">{errors['']}</Notice>}
      {warnings.map((w) => (
        <Notice key={w} intent="warning">
          {w}
        </Notice>
      ))}
      <Show loaded={loaded} label="tracked children">
        {(rows) =>
          rows.length === 0 ? (
            <p>No children chosen for tracking yet.</p>
          ) : (
            <WeekTable label="Tracked children" minWidth="64rem" columns={[{ header: 'Pseudonym', width: '6.5rem' }, { header: 'Setting', width: '6.5rem' }, { header: 'SEN', width: '5.5rem' }, { header: 'Consent', width: '6rem' }, { header: 'Selected', width: '6rem' }, { header: 'Documents due', width: '6rem' }, { header: 'Meeting' }, { header: 'Evidence', width: '8.5rem' }, { header: 'Change', width: '7rem' }]}>
                {rows.map((c) => (
                  <TableRow key={c.id}>
                    <TableCell>
                      {c.pseudonym}
                      {editing === c.id && (
                        <WeekEditForm
                          label={`Edit ${c.pseudonym}`}
                          fields={EDIT_FIELDS}
                          initial={{ pseudonym: c.pseudonym, settingType: c.settingType, senStatus: c.senStatus, consentStatus: c.consentStatus, selectedOn: ukDate(c.selectedOn), meetingOn: ukDate(c.meetingOn), notes: c.notes }}
                          save={async (v) => {
                            const saved = await client.call('trackedChild:update', {
                              id: c.id,
                              expectedVersion: c.version,
                              pseudonym: v.pseudonym,
                              settingType: v.settingType as Setting,
                              senStatus: v.senStatus as Sen,
                              consentStatus: v.consentStatus as Consent,
                              selectedOn: dateInput(v.selectedOn ?? '') ?? v.selectedOn ?? null,
                              meetingOn: dateInput(v.meetingOn ?? '') ?? v.meetingOn ?? null,
                              notes: v.notes,
                            });
                            changed();
                            for (const w of saved.warnings) notify(w);
                          }}
                          onDone={() => setEditing(null)}
                        />
                      )}
                    </TableCell>
                    <TableCell>{weekLabel(c.settingType)}</TableCell>
                    <TableCell>{weekLabel(c.senStatus)}</TableCell>
                    <TableCell>{weekLabel(c.consentStatus)}</TableCell>
                    <TableCell>{ukDate(c.selectedOn)}</TableCell>
                    <TableCell>{ukDate(c.documentsDueOn)}</TableCell>
                    <TableCell>
                      {ukDate(c.meetingOn)}
                      {c.dateNotes.map((n) => (
                        <div key={n}>{n}</div>
                      ))}
                    </TableCell>
                    <TableCell>
                      <WeekEvidenceLinks
                        client={client}
                        changed={changed}
                        version={version}
                        what={c.pseudonym}
                        evidence={c.evidence}
                        link={(evidenceId) => client.call('trackedChild:link', { id: c.id, evidenceId })}
                        unlink={(evidenceId) => client.call('trackedChild:unlink', { id: c.id, evidenceId })}
                      />
                    </TableCell>
                    <TableCell>
                      {editing !== c.id && <EditRowButton what={c.pseudonym} onClick={() => setEditing(c.id)} />}
                      <WeekDeleteButton client={client} changed={changed} channel="trackedChild:delete" id={c.id} what={`tracked child ${c.pseudonym}`} />
                    </TableCell>
                  </TableRow>
                ))}
              </WeekTable>
          )
        }
      </Show>
    </>
  );
}
