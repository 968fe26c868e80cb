/** The information request tracker: the usual items (seeded from the editable list), status and evidence. */
import { Button, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { useState } from 'react';
import { ukDate } from '../../../electron/contract/format';
import { INFO_REQUEST_STATUSES, weekLabel } from '../../../electron/contract/groups/inspection-week';
import { Notice, Show, useLoad, write, type WeekPanelProps } from './week-shared';

export function InfoRequestPanel({ client, eventId, version, changed }: WeekPanelProps) {
  const loaded = useLoad(client, 'infoRequest:list', { eventId }, version);
  const [message, setMessage] = useState<{ intent: 'error' | 'success'; text: string } | null>(null);

  const seed = async () => {
    let created = 0;
    const problem = await write(async () => {
      created = (await client.call('infoRequest:seed', { eventId })).created;
    }, changed);
    setMessage(problem ? { intent: 'error', text: problem.message } : { intent: 'success', text: `${created} usual item${created === 1 ? '' : 's'} added.` });
  };

  const setStatus = async (id: number, status: (typeof INFO_REQUEST_STATUSES)[number]) => {
    const problem = await write(() => client.call('infoRequest:update', { id, status }), changed);
    if (problem) setMessage({ intent: 'error', text: problem.message });
  };

  return (
    <>
      <Button onClick={seed}>Add the usual information request items</Button>
      {message && <Notice intent={message.intent}>{message.text}</Notice>}
      <Show loaded={loaded} label="the information request">
        {(rows) =>
          rows.length === 0 ? (
            <p>No items yet.</p>
          ) : (
            <Table aria-label="Information request items" size="small">
              <TableHeader>
                <TableRow>
                  {['Item', 'Due', 'Owner', 'Status', 'Evidence'].map((h) => (
                    <TableHeaderCell key={h}>{h}</TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((r) => (
                  <TableRow key={r.id}>
                    <TableCell>
                      {r.item}
                      {r.category && <div>{r.category}</div>}
                    </TableCell>
                    <TableCell>
                      {ukDate(r.dueOn)}
                      {r.dueNote && <div>{r.dueNote}</div>}
                    </TableCell>
                    <TableCell>{r.ownerName ?? 'No owner'}</TableCell>
                    <TableCell>
                      <Select aria-label={`Status of ${r.item}`} value={r.status} onChange={(_, d) => setStatus(r.id, d.value as (typeof INFO_REQUEST_STATUSES)[number])}>
                        {INFO_REQUEST_STATUSES.map((st) => (
                          <option key={st} value={st}>
                            {weekLabel(st)}
                          </option>
                        ))}
                      </Select>
                    </TableCell>
                    <TableCell>{r.evidence.map((e) => e.reference).join(', ')}</TableCell>
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
