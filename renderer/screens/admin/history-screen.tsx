/**
 * History a person can read (issue #15): each save as one change, in words — field labels, names,
 * UK dates, old → new — with a link back to the record, filtered by record and by person. The
 * wording is done once, on the backend (history-wording.ts), so exports say the same.
 * /history shows every change; /history/:entity/:id one record's.
 */
import { Button, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ChannelOutput } from '../../../electron/contract/channels';
import { ENTITY_NAMES } from '../../../electron/contract/schemas/history';
import { useQuery } from '../../api/api-context';
import { RouteLink } from '../../app/router';
import type { ScreenProps } from '../../app/route-types';
import { Page } from '../../components/page';
import { EmptyState, ErrorState, QueryView } from '../../components/states';
import { useRemembered } from '../../components/use-remembered';

type Entity = (typeof ENTITY_NAMES)[number];
type Change = ChannelOutput<'history:changes'>['items'][number];

const useStyles = makeStyles({
  filters: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap', marginBottom: tokens.spacingVerticalL, '& > *': { minWidth: 'min(16rem, 100%)' } },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  change: { backgroundColor: tokens.colorNeutralBackground1, border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalM, breakInside: 'avoid' },
  head: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  meta: { color: tokens.colorNeutralForeground2, margin: `${tokens.spacingVerticalXXS} 0 0` },
  lines: { margin: `${tokens.spacingVerticalS} 0 0`, display: 'grid', gridTemplateColumns: 'minmax(8rem, max-content) 1fr', gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalL}`, '& dt': { fontWeight: tokens.fontWeightSemibold }, '& dd': { margin: 0, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' } },
});

/** "Not started → Delayed"; a value set for the first time reads just as the new value. */
function fromTo(from: string | null, to: string | null): string {
  const clip = (v: string) => (v.length > 300 ? `${v.slice(0, 300)}…` : v);
  if (from === null) return to === null ? '(empty)' : clip(to);
  return `${clip(from)} → ${to === null ? '(empty)' : clip(to)}`;
}

function ChangeView({ c, showRecord }: { c: Change; showRecord: boolean }) {
  const s = useStyles();
  return (
    <li className={s.change}>
      <h2 className={s.head}>
        <span>{c.headline}</span>
        {showRecord && (
          <span>
            {' – '}
            {c.path ? <RouteLink to={c.path}>{`${c.kind}: ${c.record}`}</RouteLink> : `${c.kind}: ${c.record}`}
          </span>
        )}
      </h2>
      <p className={s.meta}>
        {c.when} by {c.author}
      </p>
      {c.lines.length > 0 && (
        <dl className={s.lines}>
          {c.lines.map((l, i) => (
            <div key={i} style={{ display: 'contents' }}>
              <dt>{l.field}</dt>
              <dd>{fromTo(l.from, l.to)}</dd>
            </div>
          ))}
        </dl>
      )}
    </li>
  );
}

export default function HistoryScreen({ params }: ScreenProps) {
  const s = useStyles();
  const entity = params.entity as Entity | undefined;
  const forRecord = entity !== undefined;
  const valid = !forRecord || (ENTITY_NAMES as readonly string[]).includes(entity);
  const [author, setAuthor] = useRemembered('history.author', '');
  const [kind, setKind] = useRemembered('history.kind', '');
  const [limit, setLimit] = useState(200);
  const input = forRecord ? { entity, id: Number(params.id), author: author || undefined, limit } : { entity: (kind || undefined) as Entity | undefined, author: author || undefined, limit };
  const history = useQuery('history:changes', valid ? input : null);
  const first = history.status === 'ok' ? history.data.items[0] : undefined;
  const title = forRecord ? 'History' : 'Recent changes';
  const subtitle = forRecord
    ? first
      ? <>Every recorded change to {first.path ? <RouteLink to={first.path}>{`${first.kind}: ${first.record}`}</RouteLink> : `${first.kind}: ${first.record}`}, newest first.</>
      : 'Every recorded change to this record, newest first.'
    : 'Every change made in this workbook, newest first.';
  return (
    <Page title={title} subtitle={subtitle} crumbs={forRecord ? [{ label: 'Recent changes', to: '/history' }] : undefined}>
      {!valid ? (
        <ErrorState error={{ code: 'not_found', message: 'There is no history for that kind of record.' }} />
      ) : (
        <>
          <div className={s.filters} role="search" aria-label="Filter the history">
            <Field label="Changes by">
              <Select value={author} onChange={(_, d) => setAuthor(d.value)}>
                <option value="">Anyone</option>
                {(history.status === 'ok' ? history.data.authors : author ? [author] : []).map((a) => (
                  <option key={a} value={a}>
                    {a}
                  </option>
                ))}
              </Select>
            </Field>
            {!forRecord && (
              <Field label="Kind of record">
                <Select value={kind} onChange={(_, d) => setKind(d.value)}>
                  <option value="">Any</option>
                  {KINDS.map(([value, words]) => (
                    <option key={value} value={value}>
                      {words}
                    </option>
                  ))}
                </Select>
              </Field>
            )}
          </div>
          <QueryView query={history}>
            {(h) =>
              h.items.length === 0 ? (
                <EmptyState title="No changes recorded">{author ? `Nothing was changed by ${author}.` : undefined}</EmptyState>
              ) : (
                <>
                  <p role="status">
                    {h.items.length} change{h.items.length === 1 ? '' : 's'} shown{h.total > limit ? ` (the newest of ${h.total} recorded entries)` : ''}.
                  </p>
                  <ol className={s.list} aria-label="Changes, newest first">
                    {h.items.map((c) => (
                      <ChangeView key={c.id} c={c} showRecord={!forRecord} />
                    ))}
                  </ol>
                  {h.total > limit && (
                    <p>
                      <Button onClick={() => setLimit((n) => n + 200)}>Show older changes</Button>
                    </p>
                  )}
                </>
              )
            }
          </QueryView>
        </>
      )}
    </Page>
  );
}

/** The kinds of record an officer thinks in, for the filter. */
const KINDS: [Entity, string][] = [
  ['plan', 'Action plans'],
  ['priority', 'Priorities'],
  ['action', 'Actions'],
  ['milestone', 'Milestones'],
  ['progress', 'Progress updates'],
  ['event', 'Inspection events'],
  ['finding', 'Findings'],
  ['assessment', 'Verdicts (assessments)'],
  ['evidence', 'Evidence items'],
  ['indicator', 'Indicators'],
  ['indicatorValue', 'Indicator values'],
  ['sef', 'Self-evaluations'],
  ['section', 'Self-evaluation sections'],
  ['partner', 'Partners'],
  ['person', 'People'],
  ['infoRequest', 'Information request items'],
  ['inspectorRequest', 'Inspector requests'],
  ['trackedChild', 'Tracked children'],
  ['caseTheme', 'Case sampling themes'],
];
