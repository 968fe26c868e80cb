/** The requests log: every ad hoc request from inspectors, logged as it arrives and answered with evidence. */
import { Button, Field, Input, TableCell, TableRow, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { INSPECTOR_REQUEST_STATUSES, weekLabel } from '../../../electron/contract/groups/inspection-week';
import { EvidencePicker } from './evidence-picker';
import { EditRowButton, WeekDeleteButton, WeekEditForm, WeekEvidenceLinks, type WeekField } from './week-edit';
import { dateTimeInput, Notice, Show, ukDateTime, useLoad, write, WeekTable, type WeekPanelProps } from './week-shared';

const useStyles = makeStyles({
  form: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(14rem, 1fr))', gap: tokens.spacingHorizontalM, marginBottom: tokens.spacingVerticalM },
  answer: { display: 'grid', gap: tokens.spacingVerticalS, padding: tokens.spacingVerticalS },
});

function AnswerForm({ client, version, changed, id, onDone }: Omit<WeekPanelProps, 'eventId'> & { id: number; onDone(): void }) {
  const s = useStyles();
  const [response, setResponse] = useState('');
  const [evidenceIds, setEvidenceIds] = useState<number[]>([]);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    const problem = await write(() => client.call('inspectorRequest:answer', { id, response, evidenceIds }), changed);
    if (problem) setError(problem.message);
    else onDone();
  };
  return (
    <div className={s.answer}>
      <Field label="Response" required validationMessage={error ?? undefined}>
        <Textarea value={response} onChange={(_, d) => setResponse(d.value)} />
      </Field>
      <EvidencePicker client={client} version={version} chosen={evidenceIds} onChange={setEvidenceIds} />
      <div>
        <Button appearance="primary" onClick={save}>
          Save answer
        </Button>{' '}
        <Button onClick={onDone}>Cancel</Button>
      </div>
    </div>
  );
}

export function RequestsLogPanel(props: WeekPanelProps) {
  const { client, eventId, version, changed } = props;
  const s = useStyles();
  const loaded = useLoad(client, 'inspectorRequest:list', { eventId }, version);
  const [form, setForm] = useState({ request: '', fromWhom: '', receivedAt: '', dueAt: '' });
  const [error, setError] = useState<string | null>(null);
  const [answering, setAnswering] = useState<number | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const editFields: WeekField[] = [
    { name: 'request', label: 'What was asked for', required: true, kind: 'textarea' },
    { name: 'fromWhom', label: 'From (inspector)' },
    { name: 'receivedAt', label: 'Received', hint: 'For example 24/11/2026 10:30' },
    { name: 'dueAt', label: 'Due', hint: 'For example 24/11/2026 16:00, or empty' },
    { name: 'status', label: 'Status', kind: 'select', options: INSPECTOR_REQUEST_STATUSES.map((v) => ({ value: v, label: weekLabel(v) })) },
    { name: 'response', label: 'Response', kind: 'textarea' },
  ];

  const add = async () => {
    const receivedAt = dateTimeInput(form.receivedAt);
    const dueAt = dateTimeInput(form.dueAt);
    if (receivedAt === undefined || dueAt === undefined) {
      setError('Give times as a date and time, such as 24/11/2026 10:30.');
      return;
    }
    const problem = await write(
      () => client.call('inspectorRequest:create', { eventId, request: form.request, fromWhom: form.fromWhom, dueAt, ...(receivedAt ? { receivedAt } : {}) }),
      changed,
    );
    setError(problem?.message ?? null);
    if (!problem) setForm({ request: '', fromWhom: '', receivedAt: '', dueAt: '' });
  };

  return (
    <>
      <div className={s.form}>
        <Field label="What was asked for" required>
          <Textarea value={form.request} onChange={(_, d) => setForm({ ...form, request: d.value })} />
        </Field>
        <Field label="From (inspector)">
          <Input value={form.fromWhom} onChange={(_, d) => setForm({ ...form, fromWhom: d.value })} />
        </Field>
        <Field label="Received" hint="Leave empty for now, or 24/11/2026 10:30">
          <Input value={form.receivedAt} onChange={(_, d) => setForm({ ...form, receivedAt: d.value })} />
        </Field>
        <Field label="Due" hint="For example 24/11/2026 16:00">
          <Input value={form.dueAt} onChange={(_, d) => setForm({ ...form, dueAt: d.value })} />
        </Field>
      </div>
      <Button appearance="primary" onClick={add}>
        Log request
      </Button>
      {error && <Notice intent="error">{error}</Notice>}
      <Show loaded={loaded} label="requests">
        {(rows) =>
          rows.length === 0 ? (
            <p>No requests logged yet.</p>
          ) : (
            <WeekTable label="Requests from inspectors" minWidth="56rem" columns={[{ header: 'Ref', width: '3.5rem' }, { header: 'Received', width: '8rem' }, { header: 'From', width: '8rem' }, { header: 'Request' }, { header: 'Due', width: '8rem' }, { header: 'Status', width: '6rem' }, { header: 'Evidence', width: '9.5rem' }, { header: 'Change', width: '7.5rem' }]}>
                {rows.map((r) => (
                  <TableRow key={r.id}>
                    <TableCell>{r.reference}</TableCell>
                    <TableCell>{ukDateTime(r.receivedAt)}</TableCell>
                    <TableCell>{r.fromWhom}</TableCell>
                    <TableCell>
                      {r.request}
                      {r.response && <div>Response: {r.response}</div>}
                      {answering === r.id && <AnswerForm client={client} version={version} changed={changed} id={r.id} onDone={() => setAnswering(null)} />}
                      {editing === r.id && (
                        <WeekEditForm
                          label={`Edit ${r.reference}`}
                          fields={editFields}
                          initial={{ request: r.request, fromWhom: r.fromWhom, receivedAt: ukDateTime(r.receivedAt), dueAt: ukDateTime(r.dueAt), status: r.status, response: r.response }}
                          save={(v) =>
                            client
                              .call('inspectorRequest:update', {
                                id: r.id,
                                expectedVersion: r.version,
                                request: v.request,
                                fromWhom: v.fromWhom,
                                // A time that cannot be read goes through as typed, so the contract names the field.
                                receivedAt: dateTimeInput(v.receivedAt ?? '') ?? v.receivedAt ?? r.receivedAt,
                                dueAt: dateTimeInput(v.dueAt ?? '') ?? v.dueAt ?? null,
                                status: v.status as (typeof INSPECTOR_REQUEST_STATUSES)[number],
                                response: v.response,
                              })
                              .then(changed)
                          }
                          onDone={() => setEditing(null)}
                        />
                      )}
                    </TableCell>
                    <TableCell>
                      {ukDateTime(r.dueAt)}
                      {r.dueNote && <div>{r.dueNote}</div>}
                    </TableCell>
                    <TableCell>{weekLabel(r.status)}</TableCell>
                    <TableCell>
                      <WeekEvidenceLinks
                        client={client}
                        changed={changed}
                        version={version}
                        what={r.reference}
                        evidence={r.evidence}
                        link={(evidenceId) => client.call('inspectorRequest:link', { id: r.id, evidenceId })}
                        unlink={(evidenceId) => client.call('inspectorRequest:unlink', { id: r.id, evidenceId })}
                      />
                    </TableCell>
                    <TableCell>
                      {r.status !== 'answered' && answering !== r.id && (
                        <Button size="small" onClick={() => setAnswering(r.id)} aria-label={`Answer ${r.reference}`}>
                          Answer
                        </Button>
                      )}
                      {editing !== r.id && <EditRowButton what={r.reference} onClick={() => setEditing(r.id)} />}
                      <WeekDeleteButton client={client} changed={changed} channel="inspectorRequest:delete" id={r.id} what={`request ${r.reference}`} />
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
