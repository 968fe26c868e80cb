/** The audit trail of one record: who changed what, when, with the old and new values. */
import { ENTITY_NAMES } from '../../../electron/contract/schemas/history';
import { useQuery } from '../../api/api-context';
import type { ScreenProps } from '../../app/route-types';
import { DataTable } from '../../components/data-table';
import { Page } from '../../components/page';
import { EmptyState, ErrorState, QueryView } from '../../components/states';

type Entity = (typeof ENTITY_NAMES)[number];

function when(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toLocaleDateString('en-GB')} ${d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}`;
}

const OPERATIONS: Record<string, string> = { create: 'Created', update: 'Changed', delete: 'Moved to the Bin', restore: 'Restored' };

function short(v: string | null): string {
  if (v === null || v === '') return '–';
  return v.length > 200 ? `${v.slice(0, 200)}…` : v;
}

export default function HistoryScreen({ params }: ScreenProps) {
  const entity = params.entity as Entity;
  const valid = (ENTITY_NAMES as readonly string[]).includes(entity);
  const history = useQuery('history:get', valid ? { entity, id: Number(params.id), limit: 500 } : null);
  return (
    <Page title="History" subtitle={`Every recorded change to this ${entity} (number ${params.id}), newest first.`}>
      {!valid ? (
        <ErrorState error={{ code: 'not_found', message: 'There is no history for that kind of record.' }} />
      ) : (
        <QueryView query={history}>
          {(h) =>
            h.items.length === 0 ? (
              <EmptyState title="No changes recorded" />
            ) : (
              <DataTable
                caption="Changes"
                captionHidden
                rows={[...h.items].sort((a, b) => b.id - a.id)}
                rowKey={(x) => x.id}
                columns={[
                  { header: 'When', rowHeader: true, cell: (x) => when(x.at) },
                  { header: 'Who', cell: (x) => x.author },
                  { header: 'What', cell: (x) => `${OPERATIONS[x.operation] ?? x.operation}${x.field ? `: ${x.field}` : ''}` },
                  { header: 'Before', cell: (x) => short(x.oldValue) },
                  { header: 'After', cell: (x) => short(x.newValue) },
                ]}
              />
            )
          }
        </QueryView>
      )}
    </Page>
  );
}
