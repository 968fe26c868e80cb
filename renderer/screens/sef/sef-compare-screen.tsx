/** What changed between two self-evaluation versions: judgements, narratives and evidence cited. */
import { makeStyles, tokens } from '@fluentui/react-components';
import { ukDate } from '../../../electron/contract/format';
import { useQuery } from '../../api/api-context';
import type { ScreenProps } from '../../app/route-types';
import { DataTable } from '../../components/data-table';
import { Page, Section } from '../../components/page';
import { EmptyState, QueryView } from '../../components/states';

const FIELD_LABELS: Record<string, string> = {
  judgement: 'Judgement',
  confidence: 'Confidence',
  whatWeKnow: 'What we know',
  whatWeHaveDone: 'What we have done',
  impact: 'Impact',
  whatNext: 'What next',
  strengths: 'Strengths',
  areasForDevelopment: 'Areas for development',
};

const useStyles = makeStyles({ text: { whiteSpace: 'pre-wrap', maxWidth: '48ch' }, none: { color: tokens.colorNeutralForeground3 } });

export default function SefCompareScreen({ params }: ScreenProps) {
  const s = useStyles();
  const comparison = useQuery('sef:compare', { fromSefId: Number(params.from), toSefId: Number(params.to) });
  return (
    <QueryView query={comparison} label="Comparing…">
      {(c) => {
        const changed = c.sections.filter((x) => x.changes.length || x.evidenceAdded.length || x.evidenceRemoved.length);
        return (
          <Page title="Compare self-evaluations" subtitle={`${c.from.title} (${ukDate(c.from.asOf)}) → ${c.to.title} (${ukDate(c.to.asOf)})`} crumbs={[{ label: 'Self-evaluation', to: '/sef' }]}>
            {changed.length === 0 && <EmptyState title="No differences">The two versions have the same judgements, narratives and evidence.</EmptyState>}
            {changed.map((x) => (
              <Section key={x.criterionId} title={x.criterionLabel}>
                {x.changes.length > 0 && (
                  <DataTable
                    caption={`Changes to ${x.criterionLabel}`}
                    captionHidden
                    rows={x.changes}
                    rowKey={(ch) => ch.field}
                    columns={[
                      { header: 'What', rowHeader: true, cell: (ch) => FIELD_LABELS[ch.field] ?? ch.field },
                      { header: 'Before', cell: (ch) => <div className={s.text}>{ch.before || <span className={s.none}>(empty)</span>}</div> },
                      { header: 'After', cell: (ch) => <div className={s.text}>{ch.after || <span className={s.none}>(empty)</span>}</div> },
                    ]}
                  />
                )}
                {x.evidenceAdded.length > 0 && <p>Evidence added: {x.evidenceAdded.join('; ')}</p>}
                {x.evidenceRemoved.length > 0 && <p>Evidence no longer cited: {x.evidenceRemoved.join('; ')}</p>}
              </Section>
            ))}
          </Page>
        );
      }}
    </QueryView>
  );
}
