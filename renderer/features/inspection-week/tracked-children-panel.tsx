/** Tracked children: pseudonyms only. The app refuses names, dates of birth, NHS numbers and UPNs, and says why. */
import { Button, Field, Input, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { ukDate } from '../../../electron/contract/format';
import { CONSENT_STATUSES, SEN_STATUSES, SETTING_TYPES, weekLabel } from '../../../electron/contract/groups/inspection-week';
import { asApiError, Notice, Show, useLoad, type WeekPanelProps } from './week-shared';

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
            <Table aria-label="Tracked children" size="small">
              <TableHeader>
                <TableRow>
                  {['Pseudonym', 'Setting', 'SEN', 'Consent', 'Selected', 'Documents due', 'Meeting', 'Evidence'].map((h) => (
                    <TableHeaderCell key={h}>{h}</TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((c) => (
                  <TableRow key={c.id}>
                    <TableCell>{c.pseudonym}</TableCell>
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
                    <TableCell>{c.evidence.map((e) => e.reference).join(', ')}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )
        }
      </Show>
    </>
  );
}
