/**
 * One Settings block for a list of simple records (partners, people): an "Add" button and form, a
 * table with Edit and Move to Bin on each row (Undo restores from the notice), and the edit form
 * for the row being changed. The forms are the caller's; this is the shape both blocks share.
 */
import { Button } from '@fluentui/react-components';
import { Add20Regular, Edit20Regular } from '@fluentui/react-icons';
import { Fragment, useState, type ComponentProps, type ReactNode } from 'react';
import type { QueryState } from '../../api/api-context';
import { useWorkbook } from '../../app/workbook-context';
import { DataTable, RowButtons, type Column } from '../../components/data-table';
import { RowDeleteButton } from '../../components/record-actions';
import { Section } from '../../components/page';
import { EmptyState, QueryView } from '../../components/states';

interface Row {
  id: number;
  version: number;
  name: string;
}

export function RecordListSection<T extends Row>({
  title,
  addLabel,
  empty,
  query,
  columns,
  deleteChannel,
  binnedAs,
  addForm,
  editForm,
}: {
  /** The section's heading, also the table's (hidden) caption. */
  title: string;
  /** "Add a partner" */
  addLabel: string;
  empty: { title: string; text: ReactNode };
  query: QueryState<{ items: T[] }>;
  /** The record's own columns; Change (Edit, Move to Bin) is added unless the workbook is read-only. */
  columns: Column<T>[];
  deleteChannel: ComponentProps<typeof RowDeleteButton>['channel'];
  /** How the Bin notice names a record ("partner Testshire ICB"). */
  binnedAs(row: T): string;
  addForm(onDone: () => void): ReactNode;
  editForm(row: T, onDone: () => void): ReactNode;
}) {
  const { readOnly } = useWorkbook();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<number | null>(null);
  const change: Column<T> = {
    header: 'Change',
    cell: (x) => (
      <RowButtons>
        <Button size="small" icon={<Edit20Regular />} aria-label={`Edit ${x.name}`} onClick={() => setEditing(x.id)}>
          Edit
        </Button>
        <RowDeleteButton channel={deleteChannel} id={x.id} what={binnedAs(x)} />
      </RowButtons>
    ),
  };
  return (
    <Section
      title={title}
      actions={
        !readOnly &&
        !adding && (
          <Button icon={<Add20Regular />} onClick={() => setAdding(true)}>
            {addLabel}
          </Button>
        )
      }
    >
      {adding && addForm(() => setAdding(false))}
      <QueryView query={query}>
        {(p) =>
          p.items.length === 0 ? (
            <EmptyState title={empty.title}>{empty.text}</EmptyState>
          ) : (
            <>
              {p.items
                .filter((x) => x.id === editing)
                .map((x) => (
                  <Fragment key={`${x.id}-${x.version}`}>{editForm(x, () => setEditing(null))}</Fragment>
                ))}
              <DataTable caption={title} captionHidden rows={p.items} rowKey={(x) => x.id} columns={readOnly ? columns : [...columns, change]} />
            </>
          )
        }
      </QueryView>
    </Section>
  );
}
