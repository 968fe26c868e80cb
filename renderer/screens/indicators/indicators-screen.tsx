/** Indicators: the latest value of each KPI against its target and England, and whether it is improving. */
import { Button } from '@fluentui/react-components';
import { Add20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useQuery } from '../../api/api-context';
import { navigate, RouteLink } from '../../app/router';
import { useWorkbook } from '../../app/workbook-context';
import { DataTable } from '../../components/data-table';
import { Page, Section } from '../../components/page';
import { EmptyState, QueryView } from '../../components/states';
import { IndicatorForm } from './indicator-form';
import { IndicatorImportSection } from '../../features/indicator-import/indicator-import';

const DIRECTION: Record<string, string> = { improving: 'Improving', worsening: 'Worsening', no_change: 'No change', not_enough_data: 'Not enough data' };

export function formatValue(v: number | null, unit: string): string {
  if (v === null) return '–';
  return unit === '%' ? `${v}%` : `${v}${unit ? ` ${unit}` : ''}`;
}

/** A comparator with its own period when it differs from the local value's (national data lag local data). */
export function withPeriod(v: number | null, unit: string, period: string | null, localPeriod: string | null): string {
  if (v === null) return '–';
  return period && period !== localPeriod ? `${formatValue(v, unit)} (${period})` : formatValue(v, unit);
}

export default function IndicatorsScreen() {
  const { readOnly } = useWorkbook();
  const statuses = useQuery('indicator:status', {});
  const [adding, setAdding] = useState(false);
  return (
    <Page
      title="Indicators"
      subtitle="Key performance indicators with targets and comparators (England, region, statistical neighbours)."
      actions={!readOnly && !adding && <Button appearance="primary" icon={<Add20Regular />} onClick={() => setAdding(true)}>Add an indicator</Button>}
    >
      {adding && (
        <Section title="Add an indicator">
          <IndicatorForm onSaved={(i) => navigate(`/indicators/${i.id}`, { force: true })} onCancel={() => setAdding(false)} />
        </Section>
      )}
      <IndicatorImportSection />
      <QueryView query={statuses}>
        {(rows) =>
          rows.length === 0 ? (
            <EmptyState title="No indicators yet">Choose “Add an indicator” for each measure the plan is judged by, for example EHC plans issued within 20 weeks.</EmptyState>
          ) : (
            <DataTable
              caption="Indicators, latest values"
              captionHidden
              rows={rows}
              rowKey={(r) => r.indicatorId}
              columns={[
                { header: 'Indicator', rowHeader: true, cell: (r) => <RouteLink to={`/indicators/${r.indicatorId}`}>{`${r.code ? `${r.code} ` : ''}${r.title}`}</RouteLink> },
                { header: 'Latest', cell: (r) => (r.latestValue === null ? '–' : `${formatValue(r.latestValue, r.unit)} (${r.latestPeriod})${r.provisional ? ' provisional' : ''}`) },
                { header: 'Target', cell: (r) => formatValue(r.target, r.unit) },
                { header: 'On target', cell: (r) => (r.stale ? 'Out of date' : r.onTarget === null ? 'No target for this period' : r.onTarget ? 'On target' : 'Off target') },
                { header: 'England', cell: (r) => withPeriod(r.england, r.unit, r.englandPeriod, r.latestPeriod) },
                { header: 'Region', cell: (r) => withPeriod(r.region, r.unit, r.regionPeriod, r.latestPeriod) },
                { header: 'Statistical neighbours', cell: (r) => withPeriod(r.statisticalNeighbours, r.unit, r.statisticalNeighboursPeriod, r.latestPeriod) },
                { header: 'Where it stands', cell: (r) => r.sentence || (DIRECTION[r.direction] ?? r.direction) },
              ]}
            />
          )
        }
      </QueryView>
    </Page>
  );
}
