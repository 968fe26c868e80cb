/**
 * The evidence library: a filterable list that stays fast with tens of thousands of items. Rows are
 * virtualised and fetched a page at a time as they scroll into view.
 */
import { Badge, Button, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { Add20Regular, Dismiss20Regular } from '@fluentui/react-icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ChannelInput, ChannelOutput } from '../../../electron/contract/channels';
import { EVIDENCE_KINDS, EVIDENCE_LEVELS, label, LINK_TARGETS, type LinkTarget } from '../../../electron/contract/enums';
import { parseUkDate, ukDate } from '../../../electron/contract/format';
import { toApiError, useApi } from '../../api/api-context';
import { navigate, RouteLink } from '../../app/router';
import type { ScreenProps } from '../../app/route-types';
import { useWorkbook } from '../../app/workbook-context';
import { LevelBadge } from '../../components/evidence-links-panel';
import { Page, Section } from '../../components/page';
import { useRemembered } from '../../components/use-remembered';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { usePeopleOptions } from '../../components/use-options';
import { EvidenceForm } from './evidence-form';
import { TARGET_LABELS, useTargetOptions } from './link-target-options';

type Item = ChannelOutput<'evidence:list'>['items'][number];
type Filter = ChannelInput<'evidence:list'>;

const PAGE = 200;
const ROW = 56;

const useStyles = makeStyles({
  filters: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(190px, 1fr))', gap: tokens.spacingHorizontalM, marginBottom: tokens.spacingVerticalM },
  // Fluent inputs carry a minimum width; let them shrink to their grid cell.
  fill: { minWidth: 0, width: '100%', maxWidth: '100%' },
  list: { height: '60vh', minHeight: '320px', overflowY: 'auto', backgroundColor: tokens.colorNeutralBackground1, border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  row: { position: 'absolute', left: 0, right: 0, display: 'grid', gridTemplateColumns: '90px 1fr 170px 90px 140px 110px', alignItems: 'center', gap: tokens.spacingHorizontalS, padding: `0 ${tokens.spacingHorizontalM}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, boxSizing: 'border-box', '@media (max-width: 760px)': { gridTemplateColumns: '64px minmax(0, 1fr) 84px', '& > :nth-child(3), & > :nth-child(5), & > :nth-child(6)': { display: 'none' } } },
  head: { display: 'grid', gridTemplateColumns: '90px 1fr 170px 90px 140px 110px', gap: tokens.spacingHorizontalS, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, fontWeight: tokens.fontWeightSemibold, borderBottom: `2px solid ${tokens.colorNeutralStroke1}`, '@media (max-width: 760px)': { gridTemplateColumns: '64px minmax(0, 1fr) 84px', '& > :nth-child(3), & > :nth-child(5), & > :nth-child(6)': { display: 'none' } } },
  title: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  count: { margin: `0 0 ${tokens.spacingVerticalS}` },
});

function useDebounced<T>(value: T, ms = 250): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

export default function EvidenceLibraryScreen({ query }: ScreenProps) {
  const s = useStyles();
  const { client, changes } = useApi();
  const { readOnly } = useWorkbook();
  const people = usePeopleOptions();
  const [adding, setAdding] = useState(false);
  const [search, setSearch] = useState('');
  // Filters and sort survive leaving the screen and coming back (for this session).
  const [kind, setKind] = useRemembered('evidence.kind', '');
  const [level, setLevel] = useRemembered('evidence.level', '');
  // A link such as "impact evidence" (?level=impact) sets the filter when the screen opens.
  const levelInLink = query.get('level');
  useEffect(() => {
    if (levelInLink !== null) setLevel(levelInLink);
  }, [levelInLink, setLevel]);
  const [owner, setOwner] = useRemembered('evidence.owner', '');
  const [personal, setPersonal] = useRemembered('evidence.personal', '');
  const [sort, setSort] = useRemembered<Filter['sort']>('evidence.sort', 'reference');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  // The linked-item filter (issue #15: it was reachable only through the URL). A link such as
  // ?linkedType=action&linkedId=27 still sets it when the screen opens; it is remembered like the rest.
  const [linkedType, setLinkedType] = useRemembered('evidence.linkedType', '');
  const [linkedSef, setLinkedSef] = useRemembered('evidence.linkedSef', '');
  const [linkedIdText, setLinkedId] = useRemembered('evidence.linkedId', '');
  const typeInLink = query.get('linkedType');
  const idInLink = query.get('linkedId');
  useEffect(() => {
    if (typeInLink !== null && idInLink !== null) {
      setLinkedType(typeInLink);
      setLinkedId(idInLink);
    }
  }, [typeInLink, idInLink, setLinkedType, setLinkedId]);
  const linkedId = Number(linkedIdText);
  const linkedTo = linkedType && (LINK_TARGETS as readonly string[]).includes(linkedType) && linkedId > 0 ? { type: linkedType as LinkTarget, id: linkedId } : undefined;
  const targets = useTargetOptions(linkedType, linkedSef);
  const clearLinked = () => {
    setLinkedType('');
    setLinkedId('');
    setLinkedSef('');
    if (typeInLink !== null) navigate('/evidence');
  };
  const debouncedSearch = useDebounced(search);

  const filter: Filter = useMemo(
    () => ({
      search: debouncedSearch.trim() || undefined,
      kind: (kind || undefined) as Filter['kind'],
      level: (level || undefined) as Filter['level'],
      ownerPersonId: owner ? Number(owner) : undefined,
      containsPersonalData: personal === '' ? undefined : personal === 'yes',
      effectiveFromOnOrAfter: parseUkDate(from) ?? undefined,
      effectiveOnOrBefore: parseUkDate(to) ?? undefined,
      linkedTo,
      sort,
    }),
    [debouncedSearch, kind, level, owner, personal, from, to, linkedTo?.type, linkedTo?.id, sort],
  );
  const key = JSON.stringify(filter);

  const [total, setTotal] = useState<number | null>(null);
  const [pages, setPages] = useState<Map<number, Item[]>>(new Map());
  const [error, setError] = useState<ReturnType<typeof toApiError> | null>(null);
  const loading = useRef(new Set<number>());
  const generation = useRef(0);

  const loadPage = (page: number, gen: number) => {
    if (loading.current.has(page)) return;
    loading.current.add(page);
    client.call('evidence:list', { ...filter, offset: page * PAGE, limit: PAGE }).then(
      (r) => {
        if (gen !== generation.current) return;
        setTotal(r.total);
        setPages((m) => new Map(m).set(page, r.items));
      },
      (e: unknown) => gen === generation.current && setError(toApiError(e)),
    );
  };

  useEffect(() => {
    const gen = ++generation.current;
    loading.current = new Set();
    setPages(new Map());
    setTotal(null);
    setError(null);
    loadPage(0, gen);
  }, [key, changes]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: total ?? 0, getScrollElement: () => scrollRef.current, estimateSize: () => ROW, overscan: 10 });
  const items = virtualizer.getVirtualItems();
  useEffect(() => {
    for (const v of items) {
      const page = Math.floor(v.index / PAGE);
      if (!pages.has(page)) loadPage(page, generation.current);
    }
  }); // runs after each render: cheap, and loadPage de-duplicates

  const filtersOn = Boolean(search || kind || level || owner || personal || from || to || linkedTo);

  return (
    <Page
      title="Evidence library"
      subtitle="Every document, data report, audit and voice of children and families the partnership relies on."
      actions={!readOnly && !adding && <Button appearance="primary" icon={<Add20Regular />} onClick={() => setAdding(true)}>Add evidence</Button>}
    >
      {adding && (
        <Section title="Add evidence">
          <EvidenceForm onSaved={(e) => navigate(`/evidence/${e.id}`, { force: true })} onCancel={() => setAdding(false)} />
        </Section>
      )}
      <div role="search" className={s.filters} aria-label="Filter the evidence">
        <Field label="Search">
          <Input className={s.fill} type="search" value={search} onChange={(_, d) => setSearch(d.value)} placeholder="Title, reference or summary" />
        </Field>
        <Field label="Kind">
          <Select className={s.fill} value={kind} onChange={(_, d) => setKind(d.value)}>
            <option value="">Any kind</option>
            {EVIDENCE_KINDS.map((k) => <option key={k} value={k}>{label(k)}</option>)}
          </Select>
        </Field>
        <Field label="Level">
          <Select className={s.fill} value={level} onChange={(_, d) => setLevel(d.value)}>
            <option value="">Any level</option>
            {EVIDENCE_LEVELS.map((k) => <option key={k} value={k}>{label(k)}</option>)}
          </Select>
        </Field>
        <Field label="Owner">
          <Select className={s.fill} value={owner} onChange={(_, d) => setOwner(d.value)}>
            <option value="">Anyone</option>
            {people.map((p) => <option key={p.value} value={p.value}>{p.label}</option>)}
          </Select>
        </Field>
        <Field label="Personal data">
          <Select className={s.fill} value={personal} onChange={(_, d) => setPersonal(d.value)}>
            <option value="">Either</option>
            <option value="yes">Contains personal data</option>
            <option value="no">No personal data</option>
          </Select>
        </Field>
        <Field label="Effective from" hint="dd/mm/yyyy" validationMessage={from && !parseUkDate(from) ? 'Enter a date such as 22/11/2026.' : undefined}>
          <Input className={s.fill} value={from} onChange={(_, d) => setFrom(d.value)} />
        </Field>
        <Field label="Effective to" hint="dd/mm/yyyy" validationMessage={to && !parseUkDate(to) ? 'Enter a date such as 22/11/2026.' : undefined}>
          <Input className={s.fill} value={to} onChange={(_, d) => setTo(d.value)} />
        </Field>
        <Field label="Linked to">
          <Select
            className={s.fill}
            value={linkedType}
            onChange={(_, d) => {
              setLinkedType(d.value);
              setLinkedId('');
            }}
          >
            <option value="">Anything or nothing</option>
            {LINK_TARGETS.map((t) => <option key={t} value={t}>{TARGET_LABELS[t]}</option>)}
          </Select>
        </Field>
        {linkedType === 'sefSection' && (
          <Field label="Self-evaluation version">
            <Select className={s.fill} value={linkedSef} onChange={(_, d) => { setLinkedSef(d.value); setLinkedId(''); }}>
              <option value="">Choose a version</option>
              {targets.sefs.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
            </Select>
          </Field>
        )}
        {linkedType && (
          <Field label={`Linked ${TARGET_LABELS[linkedType as LinkTarget]?.toLowerCase() ?? 'item'}`}>
            <Select className={s.fill} value={linkedIdText} onChange={(_, d) => setLinkedId(d.value)}>
              <option value="">{`Any ${TARGET_LABELS[linkedType as LinkTarget]?.toLowerCase() ?? 'item'}`}</option>
              {/* An item named in a link from another screen is kept even before the list loads. */}
              {linkedIdText && !targets.options.some((o) => o.value === linkedIdText) && <option value={linkedIdText}>{`The chosen ${TARGET_LABELS[linkedType as LinkTarget]?.toLowerCase() ?? 'item'}`}</option>}
              {targets.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
            </Select>
          </Field>
        )}
        <Field label="Sort by">
          <Select className={s.fill} value={sort} onChange={(_, d) => setSort(d.value as Filter['sort'])}>
            <option value="reference">Reference</option>
            <option value="title">Title (A to Z)</option>
            <option value="effective">Effective date (newest first)</option>
            <option value="added">Most recently added</option>
          </Select>
        </Field>
      </div>
      {linkedTo && (
        <p>
          <Badge appearance="tint">Linked to {targets.options.find((o) => o.value === linkedIdText)?.label ?? `${TARGET_LABELS[linkedTo.type]} ${linkedTo.id}`}</Badge>{' '}
          <Button size="small" icon={<Dismiss20Regular />} onClick={clearLinked}>Show evidence linked to anything</Button>
        </p>
      )}
      {error && <ErrorState error={error} onRetry={() => loadPage(0, generation.current)} />}
      {total === null && !error && <Loading label="Loading evidence…" />}
      {total === 0 &&
        (filtersOn ? (
          <EmptyState title="Nothing matches these filters">Clear a filter or search for other words.</EmptyState>
        ) : (
          <EmptyState title="The evidence library is empty">Choose “Add evidence” to record a document, data report, audit or the voice of children and families, then link it to actions and self-evaluation sections.</EmptyState>
        ))}
      {total !== null && total > 0 && (
        <>
          <p className={s.count} role="status">
            {total.toLocaleString('en-GB')} {total === 1 ? 'item' : 'items'}
          </p>
          <div role="table" aria-label="Evidence items" aria-rowcount={total + 1}>
            <div role="rowgroup">
              <div role="row" className={s.head} aria-rowindex={1}>
                <span role="columnheader">Reference</span>
                <span role="columnheader">Title</span>
                <span role="columnheader">Kind</span>
                <span role="columnheader">Level</span>
                <span role="columnheader">Owner</span>
                <span role="columnheader">Effective</span>
              </div>
            </div>
            <div ref={scrollRef} className={s.list} role="rowgroup" tabIndex={0} aria-label="Evidence items, scrollable" data-loaded="true" data-scroller="evidence">
              <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
                {items.map((v) => {
                  const item = pages.get(Math.floor(v.index / PAGE))?.[v.index % PAGE];
                  return (
                    <div key={v.key} role="row" aria-rowindex={v.index + 2} className={s.row} style={{ top: v.start, height: ROW }}>
                      {item ? (
                        <>
                          <span role="cell">{item.reference}</span>
                          <span role="cell" className={s.title}>
                            <RouteLink to={`/evidence/${item.id}`}>{item.title}</RouteLink>
                            {item.containsPersonalData && <> <Badge appearance="outline" color="danger">Personal data</Badge></>}
                          </span>
                          <span role="cell">{label(item.kind)}</span>
                          <span role="cell"><LevelBadge level={item.level} /></span>
                          <span role="cell">{item.ownerName ?? '–'}</span>
                          <span role="cell">{ukDate(item.effectiveFrom) || '–'}</span>
                        </>
                      ) : (
                        <span role="cell">Loading…</span>
                      )}
                    </div>
                  );
                })}
              </div>
            </div>
          </div>
        </>
      )}
    </Page>
  );
}
