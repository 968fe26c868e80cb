/** The information request tracker: the usual items (seeded from the editable list), status and evidence. */
import { Button, Select, TableCell, TableRow } from '@fluentui/react-components';
import { Add20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { ukDate } from '../../../electron/contract/format';
import { INFO_REQUEST_STATUSES, weekLabel } from '../../../electron/contract/groups/inspection-week';
import { notify } from '../../components/notices';
import { EditRowButton, WeekDeleteButton, WeekEditForm, WeekEvidenceLinks, type WeekField } from './week-edit';
import { dateInput, Notice, Show, useLoad, write, WeekTable, type WeekPanelProps } from './week-shared';

type Status = (typeof INFO_REQUEST_STATUSES)[number];

function fieldsFor(people: { value: string; label: string }[]): WeekField[] {
  return [
    { name: 'item', label: 'Item requested', required: true, kind: 'textarea' },
    { name: 'category', label: 'Category' },
    { name: 'dueOn', label: 'Due', hint: 'For example, 22/11/2026' },
    { name: 'ownerPersonId', label: 'Owner', kind: 'select', options: [{ value: '', label: 'No owner' }, ...people] },
    { name: 'notes', label: 'Notes', kind: 'textarea' },
  ];
}

const input = (v: Record<string, string>) => ({
  item: v.item ?? '',
  category: v.category ?? '',
  dueOn: dateInput(v.dueOn ?? '') ?? v.dueOn ?? null,
  ownerPersonId: v.ownerPersonId ? Number(v.ownerPersonId) : null,
  notes: v.notes ?? '',
});

export function InfoRequestPanel({ client, eventId, version, changed }: WeekPanelProps) {
  const loaded = useLoad(client, 'infoRequest:list', { eventId }, version);
  const people = useLoad(client, 'person:list', { limit: 500 }, version);
  const personOptions = people.status === 'ok' ? people.data.items.map((p) => ({ value: String(p.id), label: p.name })) : [];
  const [message, setMessage] = useState<{ intent: 'error' | 'success'; text: string } | null>(null);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<number | null>(null);

  const seed = async () => {
    let created = 0;
    const problem = await write(async () => {
      created = (await client.call('infoRequest:seed', { eventId })).created;
    }, changed);
    setMessage(problem ? { intent: 'error', text: problem.message } : { intent: 'success', text: `${created} usual item${created === 1 ? '' : 's'} added.` });
  };

  const setStatus = async (id: number, item: string, status: Status) => {
    const problem = await write(() => client.call('infoRequest:update', { id, status }), changed);
    if (problem) setMessage({ intent: 'error', text: problem.message });
    // Announced, so a screen-reader user knows the change in the table was saved.
    else notify(`Saved: ${item.slice(0, 60)} is now ${weekLabel(status).toLowerCase()}.`);
  };

  return (
    <>
      <Button onClick={seed}>Add the usual information request items</Button>{' '}
      {!adding && (
        <Button icon={<Add20Regular />} onClick={() => setAdding(true)}>
          Add an item
        </Button>
      )}
      {adding && (
        <WeekEditForm
          label="Add an information request item"
          fields={fieldsFor(personOptions)}
          initial={{ item: '', category: '', dueOn: '', ownerPersonId: '', notes: '' }}
          save={(v) => client.call('infoRequest:create', { eventId, ...input(v) }).then(changed)}
          onDone={() => setAdding(false)}
        />
      )}
      {message && <Notice intent={message.intent}>{message.text}</Notice>}
      <Show loaded={loaded} label="the information request">
        {(rows) =>
          rows.length === 0 ? (
            <p>No items yet.</p>
          ) : (
            <WeekTable label="Information request items" minWidth="54rem" columns={[{ header: 'Item' }, { header: 'Due', width: '7rem' }, { header: 'Owner', width: '9rem' }, { header: 'Status', width: '10.5rem' }, { header: 'Evidence', width: '11.5rem' }, { header: 'Change', width: '7.5rem' }]}>
                {rows.map((r) => (
                  <TableRow key={r.id}>
                    <TableCell>
                      {r.item}
                      {r.category && <div>{r.category}</div>}
                      {editing === r.id && (
                        <WeekEditForm
                          label={`Edit ${r.item.slice(0, 60)}`}
                          fields={fieldsFor(personOptions)}
                          initial={{ item: r.item, category: r.category, dueOn: ukDate(r.dueOn), ownerPersonId: r.ownerPersonId === null ? '' : String(r.ownerPersonId), notes: r.notes }}
                          save={(v) => client.call('infoRequest:update', { id: r.id, expectedVersion: r.version, ...input(v) }).then(changed)}
                          onDone={() => setEditing(null)}
                        />
                      )}
                    </TableCell>
                    <TableCell>
                      {ukDate(r.dueOn)}
                      {r.dueNote && <div>{r.dueNote}</div>}
                    </TableCell>
                    <TableCell>{r.ownerName ?? 'No owner'}</TableCell>
                    <TableCell>
                      <Select aria-label={`Status of ${r.item}`} value={r.status} onChange={(_, d) => setStatus(r.id, r.item, d.value as Status)}>
                        {INFO_REQUEST_STATUSES.map((st) => (
                          <option key={st} value={st}>
                            {weekLabel(st)}
                          </option>
                        ))}
                      </Select>
                    </TableCell>
                    <TableCell>
                      <WeekEvidenceLinks
                        client={client}
                        changed={changed}
                        version={version}
                        what={r.item.slice(0, 60)}
                        evidence={r.evidence}
                        link={(evidenceId) => client.call('infoRequest:link', { id: r.id, evidenceId })}
                        unlink={(evidenceId) => client.call('infoRequest:unlink', { id: r.id, evidenceId })}
                      />
                    </TableCell>
                    <TableCell>
                      {editing !== r.id && <EditRowButton what={r.item.slice(0, 60)} onClick={() => setEditing(r.id)} />}
                      <WeekDeleteButton client={client} changed={changed} channel="infoRequest:delete" id={r.id} what={r.item.slice(0, 60)} />
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
