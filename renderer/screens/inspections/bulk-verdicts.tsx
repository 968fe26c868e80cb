/**
 * Every verdict a revisit or monitoring inspection gave, entered in one table (issue #15: it took
 * ~9 actions per weakness, one finding at a time). One row per finding it judged, a verdict and
 * commentary each, the event's date filled in, saved in one transaction (assessment:saveMany).
 * A finding that already has a verdict from this event shows it, and saving corrects it.
 */
import { Button, Field, Input, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ChannelOutput } from '../../../electron/contract/channels';
import type { ApiError } from '../../../electron/contract/define';
import { parseUkDate, ukDate } from '../../../electron/contract/format';
import { toApiError, useApi, useQuery } from '../../api/api-context';
import { findingTypeLabel, frameworkOf, useWorkbook } from '../../app/workbook-context';
import { useOpenedFocus } from '../../components/form-fields';
import { notifySaved } from '../../components/notices';
import { QueryView } from '../../components/states';

type InspectionEvent = ChannelOutput<'event:get'>;
type Finding = ChannelOutput<'finding:list'>['items'][number];

/** The date an event judged things on: its report, else the end or start of its time on site. */
export function eventVerdictDate(e: Pick<InspectionEvent, 'publishedOn' | 'onsiteEndOn' | 'onsiteStartOn'>): string | null {
  return e.publishedOn ?? e.onsiteEndOn ?? e.onsiteStartOn;
}

const useStyles = makeStyles({
  table: { borderCollapse: 'collapse', width: '100%', tableLayout: 'fixed', backgroundColor: tokens.colorNeutralBackground1 },
  th: { textAlign: 'left', padding: tokens.spacingHorizontalS, borderBottom: `2px solid ${tokens.colorNeutralStroke1}` },
  td: { padding: tokens.spacingHorizontalS, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, verticalAlign: 'top', overflowWrap: 'anywhere' },
  top: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap', alignItems: 'flex-end', marginBottom: tokens.spacingVerticalM },
  error: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
  summary: { border: `4px solid ${tokens.colorPaletteRedBorder2}`, padding: tokens.spacingHorizontalM, marginBottom: tokens.spacingVerticalM, ':focus': { outline: `3px solid ${tokens.colorStrokeFocus2}` } },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalM, alignItems: 'center', flexWrap: 'wrap' },
  wrap: { overflowX: 'auto' },
});

interface Row {
  result: string;
  commentary: string;
}

export function BulkVerdicts({ event, onDone }: { event: InspectionEvent; onDone(): void }) {
  const s = useStyles();
  const { client, changed } = useApi();
  const { reference } = useWorkbook();
  const framework = frameworkOf(reference, event.frameworkId);
  const results = framework?.assessmentResults ?? [];
  const events = useQuery('event:list', { limit: 500 });
  // The findings an event judges come from earlier events under the same framework.
  const earlier = useMemo(
    () => (events.status === 'ok' ? events.data.items.filter((e) => e.id !== event.id && e.frameworkId === event.frameworkId && e.findingCount > 0) : []),
    [events, event.id, event.frameworkId],
  );
  const [sourceId, setSourceId] = useState('');
  const source = sourceId || (earlier[0] ? String(earlier[0].id) : '');
  const findings = useQuery('finding:list', source ? { eventId: Number(source), limit: 500 } : null);
  const [date, setDate] = useState(ukDate(eventVerdictDate(event)));
  const [rows, setRows] = useState<Record<number, Row>>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);

  // Weaknesses and priority actions first (those are what a revisit judges), then the rest.
  const judged: Finding[] = useMemo(() => {
    if (findings.status !== 'ok') return [];
    const needsPlan = new Set((framework?.findingTypes ?? []).filter((t) => t.requiresPlanType).map((t) => t.id));
    return [...findings.data.items].sort((a, b) => Number(needsPlan.has(b.type)) - Number(needsPlan.has(a.type)) || a.position - b.position);
  }, [findings, framework]);

  // Show what this event already said about each finding, so saving corrects rather than repeats.
  useEffect(() => {
    let live = true;
    if (judged.length === 0) return;
    void Promise.all(judged.map((f) => client.call('assessment:list', { findingId: f.id, limit: 500 }).then((p) => [f.id, p.items.filter((a) => a.eventId === event.id).at(-1)] as const))).then((pairs) => {
      if (!live) return;
      setRows((current) => {
        const next = { ...current };
        for (const [id, a] of pairs) if (a && !next[id]) next[id] = { result: a.result, commentary: a.commentary };
        return next;
      });
    });
    return () => {
      live = false;
    };
  }, [judged, client, event.id]);

  useOpenedFocus(true, rootRef);

  const chosen = judged.filter((f) => rows[f.id]?.result);
  const rowIssue = (index: number, field: string) => problem?.issues?.find((i) => i.path === `verdicts.${index}.${field}`)?.message;
  const iso = parseUkDate(date);

  const save = async () => {
    setProblem(null);
    if (!iso) {
      setProblem({ code: 'invalid_input', message: 'Enter the date of the verdicts as day/month/year, such as 25/11/2022.', issues: [{ path: 'assessedOn', message: 'Enter the date of the verdicts as day/month/year, such as 25/11/2022.' }] });
      window.setTimeout(() => summaryRef.current?.focus(), 0);
      return;
    }
    setSaving(true);
    try {
      const r = await client.result('assessment:saveMany', { eventId: event.id, assessedOn: iso, verdicts: chosen.map((f) => ({ findingId: f.id, result: rows[f.id]!.result, commentary: rows[f.id]!.commentary })) });
      if (!r.ok) {
        setProblem(r.error);
        window.setTimeout(() => summaryRef.current?.focus(), 0);
        return;
      }
      changed();
      notifySaved(`${r.value.created + r.value.updated} verdict${r.value.created + r.value.updated === 1 ? '' : 's'}`);
      onDone();
    } catch (e) {
      setProblem(toApiError(e));
    } finally {
      setSaving(false);
    }
  };

  const set = (id: number, patch: Partial<Row>) => setRows((r) => ({ ...r, [id]: { result: '', commentary: '', ...r[id], ...patch } }));

  return (
    <div
      ref={rootRef}
      role="group"
      aria-label="Enter verdicts"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onDone();
        }
      }}
    >
      {problem && (
        <div ref={summaryRef} tabIndex={-1} role="alert" aria-labelledby="verdicts-problem" className={s.summary}>
          <h3 id="verdicts-problem" style={{ margin: 0 }}>
            There is a problem
          </h3>
          <ul>
            {(problem.issues?.length ? problem.issues : [{ path: '', message: problem.message }]).map((i) => {
              const m = /^verdicts\.(\d+)\./.exec(i.path);
              const f = m ? chosen[Number(m[1])] : undefined;
              const target = i.path === 'assessedOn' ? 'verdicts-date' : f ? `verdict-${f.id}` : null;
              return (
                <li key={i.path + i.message}>
                  {target ? (
                    <a
                      href={`#${target}`}
                      onClick={(e) => {
                        e.preventDefault();
                        document.getElementById(target)?.focus();
                      }}
                    >
                      {f ? `${f.reference || f.title}: ${i.message}` : i.message}
                    </a>
                  ) : (
                    i.message
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      )}
      <div className={s.top}>
        <Field label="Findings from" hint="The inspection whose findings this event judged.">
          <Select value={source} onChange={(_, d) => setSourceId(d.value)}>
            {earlier.length === 0 && <option value="">No earlier inspection has findings</option>}
            {earlier.map((e) => (
              <option key={e.id} value={e.id}>
                {e.title}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Date of the verdicts" required hint="Filled in from this event; for example, 25/11/2022" validationMessage={problem?.issues?.find((i) => i.path === 'assessedOn')?.message}>
          <Input id="verdicts-date" value={date} onChange={(_, d) => setDate(d.value)} inputMode="numeric" />
        </Field>
      </div>
      <QueryView query={findings.status === 'loading' && !source ? { status: 'ok', data: { items: [], total: 0 }, reload: () => {} } : findings}>
        {() =>
          judged.length === 0 ? (
            <p>There are no findings to judge. Record the original inspection and its findings first.</p>
          ) : (
            <div className={s.wrap}>
              <table className={s.table}>
                <caption style={{ textAlign: 'left', fontWeight: 600, padding: 8 }}>Verdicts given at {event.title}</caption>
                <colgroup>
                  <col style={{ width: '38%' }} />
                  <col style={{ width: '24%' }} />
                  <col style={{ width: '38%' }} />
                </colgroup>
                <thead>
                  <tr>
                    <th scope="col" className={s.th}>
                      Finding
                    </th>
                    <th scope="col" className={s.th}>
                      Verdict
                    </th>
                    <th scope="col" className={s.th}>
                      Commentary
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {judged.map((f) => {
                    const index = chosen.indexOf(f);
                    const err = index >= 0 ? (rowIssue(index, 'result') ?? rowIssue(index, 'findingId')) : undefined;
                    const name = `${f.reference ? `${f.reference} ` : ''}${f.title}`;
                    return (
                      <tr key={f.id}>
                        <th scope="row" className={s.td} style={{ fontWeight: 'normal' }}>
                          {name}
                          <div style={{ color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 }}>{findingTypeLabel(reference, f.type)}</div>
                        </th>
                        <td className={s.td}>
                          <Select id={`verdict-${f.id}`} aria-label={`Verdict for ${name}`} aria-invalid={err ? true : undefined} value={rows[f.id]?.result ?? ''} onChange={(_, d) => set(f.id, { result: d.value })}>
                            <option value="">Not judged</option>
                            {results.map((r) => (
                              <option key={r.id} value={r.id}>
                                {r.label}
                              </option>
                            ))}
                          </Select>
                          {err && (
                            <div className={s.error} role="alert">
                              {err}
                            </div>
                          )}
                        </td>
                        <td className={s.td}>
                          <Textarea aria-label={`Commentary for ${name}`} value={rows[f.id]?.commentary ?? ''} rows={2} resize="vertical" style={{ width: '100%' }} onChange={(_, d) => set(f.id, { commentary: d.value })} />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryView>
      <div className={s.actions}>
        <Button appearance="primary" disabled={saving || chosen.length === 0} onClick={() => void save()}>
          {chosen.length > 0 ? `Save ${chosen.length} verdict${chosen.length === 1 ? '' : 's'}` : 'Save verdicts'}
        </Button>
        <Button onClick={onDone} disabled={saving}>
          Cancel
        </Button>
        <span role="status">{chosen.length === 0 ? 'Choose a verdict for each finding this event judged.' : ''}</span>
      </div>
    </div>
  );
}
