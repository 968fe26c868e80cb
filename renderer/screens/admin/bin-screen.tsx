/** The Bin: everything deleted, restorable with everything it took with it. */
import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { ArrowUndo20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { toApiError, useApi, useQuery } from '../../api/api-context';
import { useWorkbook } from '../../app/workbook-context';
import { DataTable } from '../../components/data-table';
import { Page } from '../../components/page';
import { EmptyState, ErrorState, QueryView } from '../../components/states';

export default function BinScreen() {
  const { client, changed } = useApi();
  const { readOnly } = useWorkbook();
  const bin = useQuery('bin:list', { limit: 500 });
  const [busy, setBusy] = useState<number | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [problem, setProblem] = useState<ReturnType<typeof toApiError> | null>(null);
  const restore = async (id: number, what: string) => {
    setBusy(id);
    setProblem(null);
    setDone(null);
    try {
      const r = await client.call('bin:restore', { binEntryId: id });
      setDone(`Restored ${what}${r.rowCount > 1 ? ` and ${r.rowCount - 1} related records` : ''}.`);
      changed();
    } catch (e) {
      setProblem(toApiError(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Page title="Bin" subtitle="Deleted records stay here until you restore them. Nothing is lost.">
      {done && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
      {problem && <ErrorState error={problem} />}
      <QueryView query={bin}>
        {(b) =>
          b.items.length === 0 ? (
            <EmptyState title="The Bin is empty">When you move something to the Bin it appears here, and you can restore it with everything it took with it.</EmptyState>
          ) : (
            <DataTable
              caption="Deleted records"
              captionHidden
              rows={b.items}
              rowKey={(x) => x.id}
              columns={[
                { header: 'What', rowHeader: true, cell: (x) => x.label },
                { header: 'Deleted', cell: (x) => new Date(x.deletedAt).toLocaleString('en-GB', { dateStyle: 'short', timeStyle: 'short' }) },
                { header: 'By', cell: (x) => x.author },
                { header: 'Records', numeric: true, cell: (x) => x.rowCount },
                ...(readOnly ? [] : [{ header: 'Restore', cell: (x: (typeof b.items)[number]) => <Button size="small" icon={<ArrowUndo20Regular />} disabled={busy !== null} aria-label={`Restore ${x.label}`} onClick={() => restore(x.id, x.label)}>{busy === x.id ? 'Restoring…' : 'Restore'}</Button> }]),
              ]}
            />
          )
        }
      </QueryView>
    </Page>
  );
}
