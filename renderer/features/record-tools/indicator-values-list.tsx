/**
 * Every recorded value of an indicator, one row each, with Move to Bin (issue #15: a mistyped value
 * could be overwritten for its period but never removed). Mounted on the indicator's page.
 */
import { label } from '../../../electron/contract/enums';
import { useQuery } from '../../api/api-context';
import { useWorkbook } from '../../app/workbook-context';
import { DataTable } from '../../components/data-table';
import { RowDeleteButton } from '../../components/record-actions';
import { QueryView } from '../../components/states';

export function IndicatorValuesList({ indicatorId, unit }: { indicatorId: number; unit: string }) {
  const { readOnly } = useWorkbook();
  const values = useQuery('value:list', { indicatorId, limit: 500 });
  if (readOnly) return null;
  return (
    <details style={{ marginTop: 12 }}>
      <summary>Remove a value recorded by mistake</summary>
      <QueryView query={values}>
        {(p) => (
          <DataTable
            caption="Recorded values"
            captionHidden
            rows={[...p.items].sort((a, b) => b.periodStart.localeCompare(a.periodStart) || a.geography.localeCompare(b.geography))}
            rowKey={(v) => v.id}
            columns={[
              { header: 'Period', rowHeader: true, cell: (v) => v.periodLabel },
              { header: 'For', cell: (v) => label(v.geography) },
              { header: 'Value', numeric: true, cell: (v) => `${v.value}${unit === 'percent' ? '%' : ''}${v.provisional ? ' (provisional)' : ''}` },
              { header: 'Remove', cell: (v) => <RowDeleteButton channel="value:delete" id={v.id} what={`the ${label(v.geography)} value for ${v.periodLabel}`} label="Remove" /> },
            ]}
          />
        )}
      </QueryView>
    </details>
  );
}
