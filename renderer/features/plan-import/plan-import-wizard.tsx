/**
 * Bringing a partner's returned action plan back in (issue #5): choose the file, see exactly what
 * would change (filterable; conflicts need a choice), apply, and read what happened. Mounted on
 * the Action plans page; talks only to the contract through the client it is given.
 */
import {
  Badge,
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Spinner,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId, useMemo, useRef, useState } from 'react';
import type { z } from 'zod';
import { ApiFailure, type Client } from '../../../electron/contract/client';
import type { applySummary, planPreview, previewRow } from '../../../electron/contract/groups/excel-exports';
import { readBytes, toBase64 } from '../../api/send-file';

type Preview = z.output<typeof planPreview>;
type Row = z.output<typeof previewRow>;
type Summary = z.output<typeof applySummary>;
type Choice = 'take_theirs' | 'keep_mine' | 'skip';
type Filter = 'all' | 'changed' | 'conflicts' | 'new' | 'rejected';

export interface PlanImportWizardProps {
  client: Client;
  /** Called after a return was applied, so the page can reload the plan. */
  onApplied?: (summary: Summary) => void;
  onClose?: () => void;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '1100px' },
  row: { border: `1px solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalM },
  conflict: { borderLeftWidth: '6px', borderLeftColor: tokens.colorPaletteRedBorder2 },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    '& th': { textAlign: 'left', verticalAlign: 'top', padding: '4px 8px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
    '& td': { textAlign: 'left', verticalAlign: 'top', padding: '4px 8px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, whiteSpace: 'pre-wrap' },
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  header: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

const messageOf = (e: unknown) =>
  e instanceof ApiFailure ? e.error.message : e instanceof Error && e.message.startsWith('The file') ? e.message : 'Something went wrong and nothing was changed. Try again.';
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function PlanImportWizard({ client, onApplied, onClose }: PlanImportWizardProps) {
  const styles = useStyles();
  const inputId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [returnedBy, setReturnedBy] = useState('');
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [filter, setFilter] = useState<Filter>('all');
  const [busy, setBusy] = useState<'reading' | 'applying' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [summary, setSummary] = useState<Summary | null>(null);

  const readFile = async (chosen: File) => {
    setError(null);
    setBusy('reading');
    try {
      const base64 = toBase64(await readBytes(chosen));
      const result = await client.call('import:planPreview', { base64, fileName: chosen.name, returnedBy });
      setFile({ name: chosen.name, base64 });
      setPreview(result);
      setChoices({});
      setFilter(result.counts.conflicts ? 'conflicts' : 'all');
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(null);
    }
  };

  const apply = async () => {
    if (!file || !preview) return;
    setError(null);
    setBusy('applying');
    try {
      const decisions = Object.entries(choices).map(([rowKey, resolution]) => ({ rowKey, resolution }));
      const result = await client.call('import:planApply', { base64: file.base64, fileName: file.name, returnedBy, decisions });
      setSummary(result);
      onApplied?.(result);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(null);
    }
  };

  const restart = () => {
    setFile(null);
    setPreview(null);
    setSummary(null);
    setChoices({});
    setError(null);
    if (fileInput.current) fileInput.current.value = '';
  };

  const shown = useMemo(() => {
    const rows = preview?.rows ?? [];
    if (filter === 'changed') return rows.filter((r) => r.kind === 'changed');
    if (filter === 'conflicts') return rows.filter((r) => r.conflict);
    if (filter === 'new') return rows.filter((r) => r.kind !== 'changed');
    return filter === 'rejected' ? [] : rows;
  }, [preview, filter]);

  const unresolved = (preview?.rows ?? []).filter((r) => r.conflict && !choices[r.rowKey]).length;
  const toApply = (preview?.rows ?? []).filter((r) => choices[r.rowKey] !== 'skip').length;

  if (summary) {
    return (
      <section className={styles.root} aria-labelledby={`${inputId}-done`}>
        <Text as="h3" size={500} weight="semibold" id={`${inputId}-done`}>
          Return imported
        </Text>
        <MessageBar intent="success" role="status">
          <MessageBarBody>{summary.message}</MessageBarBody>
        </MessageBar>
        <ul>
          <li>{plural(summary.actionsChanged, 'action')} changed</li>
          <li>{plural(summary.milestonesChanged, 'milestone')} changed, {summary.milestonesAdded} added</li>
          <li>{plural(summary.updatesAdded, 'progress update')} added</li>
          {summary.alreadyPresent > 0 && <li>{plural(summary.alreadyPresent, 'row')} already in the workbook (not added again)</li>}
        </ul>
        <div className={styles.actions}>
          <Button appearance="primary" onClick={restart}>
            Import another return
          </Button>
          {onClose && <Button onClick={onClose}>Close</Button>}
        </div>
      </section>
    );
  }

  return (
    <section className={styles.root} aria-labelledby={`${inputId}-title`} aria-busy={busy !== null}>
      {/* Under the panel's own heading ("Import a returned Excel plan"): this names the step. */}
      <Text as="h3" size={500} weight="semibold" id={`${inputId}-title`}>
        {preview ? 'Changes in the returned plan' : 'Choose the returned spreadsheet'}
      </Text>
      {!preview && (
        <>
          <Text>
            Choose the spreadsheet a partner sent back. You will see every change before anything is saved; nothing changes until you apply.
          </Text>
          <Field label="Returned by (optional)" hint="Their updates are recorded under this name, for example “BNSSG ICB”. Leave blank to use each action’s partner.">
            <Input value={returnedBy} maxLength={120} onChange={(_, d) => setReturnedBy(d.value)} />
          </Field>
          <div className={styles.actions}>
            <input
              ref={fileInput}
              id={`${inputId}-file`}
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              hidden
              onChange={(e) => {
                const chosen = e.target.files?.[0];
                if (chosen) void readFile(chosen);
              }}
            />
            <Button appearance="primary" disabled={busy !== null} onClick={() => fileInput.current?.click()}>
              Choose returned file…
            </Button>
            {onClose && <Button onClick={onClose}>Cancel</Button>}
            {busy === 'reading' && <Spinner size="tiny" label="Reading the file…" />}
          </div>
        </>
      )}
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>Not imported</MessageBarTitle>
            {error}
          </MessageBarBody>
        </MessageBar>
      )}
      {preview && file && (
        <>
          <Text role="status">
            {file.name}
            {preview.planTitle ? ` — ${preview.planTitle}` : ''}: {plural(preview.counts.changed, 'changed row')}, {plural(preview.counts.newMilestones, 'new milestone')},{' '}
            {plural(preview.counts.newUpdates, 'new update')}, {plural(preview.counts.conflicts, 'conflict')}, {plural(preview.counts.rejected, 'rejected row')};{' '}
            {preview.counts.unchanged} unchanged{preview.counts.alreadyPresent ? `, ${preview.counts.alreadyPresent} already in the workbook` : ''}.
          </Text>
          {preview.warnings.map((w) => (
            <MessageBar key={w} intent="warning">
              <MessageBarBody>{w}</MessageBarBody>
            </MessageBar>
          ))}
          <TabList selectedValue={filter} onTabSelect={(_, d) => setFilter(d.value as Filter)} aria-label="Show">
            <Tab value="all">All changes ({preview.rows.length})</Tab>
            <Tab value="conflicts">Conflicts ({preview.counts.conflicts})</Tab>
            <Tab value="changed">Changed ({preview.counts.changed})</Tab>
            <Tab value="new">New ({preview.rows.length - preview.counts.changed})</Tab>
            <Tab value="rejected">Rejected ({preview.counts.rejected})</Tab>
          </TabList>
          {filter !== 'rejected' && shown.length === 0 && <Text>{preview.rows.length === 0 ? 'Nothing in this file changes the workbook.' : 'No rows of this kind.'}</Text>}
          {shown.map((row) => (
            <PreviewRowView key={row.rowKey} row={row} choice={choices[row.rowKey]} onChoose={(c) => setChoices((all) => ({ ...all, [row.rowKey]: c }))} />
          ))}
          {filter === 'rejected' &&
            (preview.rejected.length === 0 ? (
              <Text>No rows were rejected.</Text>
            ) : (
              <table className={styles.table} aria-label="Rows that will not be used, with the reason">
                <thead>
                  <tr>
                    <th scope="col">Sheet and row</th>
                    <th scope="col">Row</th>
                    <th scope="col">Why it was not used</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.rejected.map((r) => (
                    <tr key={`${r.sheet}-${r.rowNumber}`}>
                      <td>
                        {r.sheet} row {r.rowNumber}
                      </td>
                      <td>{r.title}</td>
                      <td>{r.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ))}
          <div className={styles.actions}>
            <Button appearance="primary" disabled={busy !== null || unresolved > 0 || toApply === 0} onClick={() => void apply()}>
              {toApply === 0 ? 'Nothing to apply' : `Apply ${plural(toApply, 'row')}`}
            </Button>
            <Button disabled={busy !== null} onClick={restart}>
              Choose another file
            </Button>
            {busy === 'applying' && <Spinner size="tiny" label="Applying…" />}
            {unresolved > 0 && <Text>Choose “keep mine” or “take theirs” for {plural(unresolved, 'conflict')} first.</Text>}
          </div>
        </>
      )}
    </section>
  );
}

function PreviewRowView({ row, choice, onChoose }: { row: Row; choice: Choice | undefined; onChoose: (c: Choice) => void }) {
  const styles = useStyles();
  const headingId = useId();
  const kind = row.kind === 'new_milestone' ? 'New milestone' : row.kind === 'new_update' ? 'New update' : 'Changed';
  return (
    <article className={row.conflict ? `${styles.row} ${styles.conflict}` : styles.row} aria-labelledby={headingId}>
      <div className={styles.header}>
        <Text as="h4" weight="semibold" id={headingId}>
          {row.title}
        </Text>
        <Badge appearance="outline">{kind}</Badge>
        {row.conflict && (
          <Badge color="danger" appearance="filled">
            Conflict
          </Badge>
        )}
        <Text size={200}>
          {row.sheet} row {row.rowNumber} · from {row.partner}
        </Text>
      </div>
      {row.changes.length > 0 && (
        <table className={styles.table} aria-label={`Changes to ${row.title}`}>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">In the app now</th>
              <th scope="col">In the returned file</th>
            </tr>
          </thead>
          <tbody>
            {row.changes.map((c) => (
              <tr key={c.field}>
                <th scope="row">
                  {c.label}
                  {c.conflict ? ' (changed on both sides)' : ''}
                </th>
                <td>{c.from}</td>
                <td>{c.to}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {row.newUpdate && <Text block>Adds a progress update: {row.newUpdate}</Text>}
      {row.conflict ? (
        <Field label="This row was also changed in the app since the file was exported. Which version should stand?" required>
          <RadioGroup value={choice ?? ''} onChange={(_, d) => onChoose(d.value as Choice)}>
            <Radio value="keep_mine" label="Keep mine (the app’s version of the fields changed on both sides)" />
            <Radio value="take_theirs" label="Take theirs (the returned file’s version)" />
            <Radio value="skip" label="Skip this row entirely" />
          </RadioGroup>
        </Field>
      ) : (
        <Checkbox checked={choice !== 'skip'} onChange={(_, d) => onChoose(d.checked ? 'take_theirs' : 'skip')} label="Apply this row" />
      )}
    </article>
  );
}
