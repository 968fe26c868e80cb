/**
 * Import national statistics (issue #16): a DfE "tidy data" CSV from Explore education statistics.
 * Choose the file (sent in pieces, with progress), pick the indicator column and filter values and
 * the indicator to fill, read the whole file (progress, Cancel), check the preview, then import:
 * only new and changed values are written, in one go. Mounted on the Indicators screen.
 */
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { z } from 'zod';
import type { statisticsPreview, statisticsSample } from '../../../electron/contract/groups/imports';
import { label } from '../../../electron/contract/enums';
import { toApiError, useApi, useQuery } from '../../api/api-context';
import { ImportLauncher } from '../../components/import-launcher';
import { notify } from '../../components/notices';
import { useFileUpload } from '../../api/use-file-upload';
import { SendingProgress } from '../../components/sending-progress';

type Sample = z.output<typeof statisticsSample>;
type Preview = z.output<typeof statisticsPreview>;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '1000px' },
  row: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap', '& > *': { flex: '1 1 240px' } },
  file: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, '& label': { fontWeight: tokens.fontWeightSemibold } },
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    '& th, & td': { textAlign: 'left', padding: '4px 8px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
    '& td.num': { textAlign: 'right' },
  },
});

function jobIdNow(): string {
  return `stats-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

function IndicatorImportWizard({ onClose }: { onClose(): void }) {
  const s = useStyles();
  const { client, changed } = useApi();
  const indicators = useQuery('indicator:list', { limit: 500 });
  const [uploadId, setUploadId] = useState<string | null>(null);
  const [sample, setSample] = useState<Sample | null>(null);
  const [column, setColumn] = useState('');
  const [filters, setFilters] = useState<Record<string, string>>({});
  const [into, setInto] = useState<'existing' | 'new'>('new');
  const [indicatorId, setIndicatorId] = useState('');
  const [title, setTitle] = useState('');
  const [reading, setReading] = useState<{ jobId: string; fraction: number; rows: number } | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fileInputId = useId();

  // The uploaded copy is only needed while this panel is open.
  const { sending: sent, send } = useFileUpload();

  const chooseFile = async (file: File | undefined) => {
    if (!file) return;
    setProblem(null);
    setSample(null);
    setPreview(null);
    try {
      const id = await send(file);
      setUploadId(id);
      const sampled = await client.call('statistics:sample', { uploadId: id });
      setSample(sampled);
      setColumn(sampled.indicatorColumns[0] ?? '');
      setTitle((sampled.indicatorColumns[0] ?? '').replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()));
      setFilters({});
    } catch (e) {
      setProblem(toApiError(e).message);
    }
  };

  const read = async () => {
    if (!uploadId) return;
    setProblem(null);
    setPreview(null);
    const jobId = jobIdNow();
    setReading({ jobId, fraction: 0, rows: 0 });
    const timer = setInterval(() => {
      void client.call('statistics:progress', { jobId }).then((p) => {
        if (p.running) setReading({ jobId, fraction: p.totalBytes ? p.bytesRead / p.totalBytes : 0, rows: p.rowsRead });
      }, () => undefined);
    }, 400);
    try {
      const chosen = Object.entries(filters).filter(([, v]) => v !== '').map(([c, value]) => ({ column: c, value }));
      setPreview(await client.call('statistics:preview', { uploadId, jobId, indicatorColumn: column, filters: chosen, indicatorId: into === 'existing' && indicatorId ? Number(indicatorId) : null }));
    } catch (e) {
      setProblem(toApiError(e).message);
    } finally {
      clearInterval(timer);
      setReading(null);
    }
  };

  const apply = async () => {
    if (!preview) return;
    const values = preview.values.filter((v) => v.change !== 'same').map(({ geography, periodLabel, periodStart, value, note }) => ({ geography: geography as 'local', periodLabel, periodStart, value, note }));
    setBusy(true);
    setProblem(null);
    try {
      const chosen = Object.entries(filters).filter(([, v]) => v !== '').map(([c, v]) => `${c}=${v}`).join(', ');
      const firstPeriod = values[0]?.periodLabel ?? '';
      const result = await client.call('statistics:apply', {
        indicatorId: into === 'existing' ? Number(indicatorId) : null,
        newIndicator:
          into === 'new'
            ? {
                title,
                source: `DfE open data: ${preview.fileName}, column ${preview.indicatorColumn}${chosen ? ` (${chosen})` : ''}`.slice(0, 500),
                periodType: /^\d{4}\/\d{2}$/.test(firstPeriod) ? 'academic_year' : /^\d{4}-\d{2}$/.test(firstPeriod) ? 'financial_year' : 'calendar_year',
                unit: /percent|_pc$|_pct|rate/i.test(preview.indicatorColumn) ? '%' : '',
              }
            : null,
        sourceNote: `DfE open data: ${preview.fileName}`.slice(0, 500),
        values,
      });
      changed();
      const message = `Imported: ${result.created} value${result.created === 1 ? '' : 's'} added, ${result.updated} changed.`;
      // A new indicator holds the whole import: Undo (or deleting it later) takes it all to the Bin.
      notify(
        result.indicatorCreated ? `${message} A new indicator was created.` : message,
        result.indicatorCreated ? { focus: true, undo: async () => void (await client.call('indicator:delete', { id: result.indicatorId }), changed()) } : { focus: true },
      );
      onClose();
    } catch (e) {
      setProblem(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  const toWrite = preview ? preview.values.filter((v) => v.change !== 'same').length : 0;
  return (
    <div className={s.root}>
      <p>
        Use the “tidy data” CSV of a DfE release from Explore education statistics (for example EHC plans issued within 20 weeks). The app takes this area&apos;s row (by the LA
        code in Settings), England, the area&apos;s region and the statistical neighbours&apos; average, for every period in the file. Nothing is written until you choose Import.
      </p>
      {problem && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      <div className={s.file}>
        <label htmlFor={fileInputId}>DfE CSV file</label>
        <input id={fileInputId} type="file" accept=".csv,text/csv" aria-describedby={`${fileInputId}-hint`} onChange={(e) => void chooseFile(e.target.files?.[0])} disabled={!!sent || !!reading} />
        <span id={`${fileInputId}-hint`} className={s.hint}>
          Files of several hundred MB are fine: they are read a piece at a time.
        </span>
      </div>
      <SendingProgress sending={sent} />
      {sample && (
        <>
          <p>
            {sample.fileName}: {sample.fileColumns.length} columns. Filter values are those seen in the first {sample.rowsSampled.toLocaleString('en-GB')} rows.
          </p>
          <div className={s.row}>
            <Field label="Indicator column" required>
              <Select value={column} onChange={(_, d) => setColumn(d.value)}>
                {[...sample.indicatorColumns, ...sample.filterColumns.map((f) => f.column)].map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </Select>
            </Field>
            {sample.filterColumns.map((f) => (
              <Field key={f.column} label={`Filter: ${f.column}`} hint="Choose one value so there is one row per area and period.">
                <Select value={filters[f.column] ?? ''} onChange={(_, d) => setFilters((x) => ({ ...x, [f.column]: d.value }))}>
                  <option value="">Any</option>
                  {f.values.map((v) => (
                    <option key={v} value={v}>
                      {v}
                    </option>
                  ))}
                </Select>
              </Field>
            ))}
          </div>
          <RadioGroup value={into} onChange={(_, d) => setInto(d.value as 'existing' | 'new')} aria-label="Import into">
            <Radio value="new" label="Create a new indicator" />
            <Radio value="existing" label="Add to an existing indicator" />
          </RadioGroup>
          {into === 'new' ? (
            <Field label="New indicator title" required>
              <Input value={title} onChange={(_, d) => setTitle(d.value)} />
            </Field>
          ) : (
            <Field label="Indicator" required>
              <Select value={indicatorId} onChange={(_, d) => setIndicatorId(d.value)}>
                <option value="">Choose…</option>
                {indicators.status === 'ok' &&
                  indicators.data.items.map((i) => (
                    <option key={i.id} value={String(i.id)}>
                      {`${i.code ? `${i.code} ` : ''}${i.title}`}
                    </option>
                  ))}
              </Select>
            </Field>
          )}
          <div className={s.actions}>
            <Button appearance="primary" disabled={!!reading || !column || (into === 'existing' && !indicatorId)} onClick={() => void read()}>
              Read the file and preview
            </Button>
            {reading && (
              <Button onClick={() => void client.call('statistics:cancel', { jobId: reading.jobId })} aria-label="Cancel reading the file">
                Cancel
              </Button>
            )}
          </div>
          {reading && (
            <Field label={`Reading… ${reading.rows.toLocaleString('en-GB')} rows`} validationState="none">
              <ProgressBar value={reading.fraction} thickness="large" />
            </Field>
          )}
        </>
      )}
      {preview && (
        <section aria-labelledby="stats-preview">
          <h3 id="stats-preview">Preview</h3>
          <p role="status">
            {preview.counts.new} new, {preview.counts.changed} changed, {preview.counts.unchanged} already the same; {preview.counts.suppressed} suppressed cell
            {preview.counts.suppressed === 1 ? '' : 's'} skipped
            {Object.keys(preview.suppressed).length > 0 ? ` (${Object.entries(preview.suppressed).map(([k, n]) => `${n} “${k}”`).join(', ')})` : ''}. {preview.rowsRead.toLocaleString('en-GB')} rows read.
          </p>
          {preview.warnings.map((w) => (
            <MessageBar key={w} intent="warning">
              <MessageBarBody>{w}</MessageBarBody>
            </MessageBar>
          ))}
          <table className={s.table}>
            <caption>Values read from the file</caption>
            <thead>
              <tr>
                <th scope="col">Period</th>
                <th scope="col">Geography</th>
                <th scope="col">Value</th>
                <th scope="col">In the workbook now</th>
                <th scope="col">Note</th>
              </tr>
            </thead>
            <tbody>
              {preview.values.map((v) => (
                <tr key={`${v.geography}-${v.periodLabel}`}>
                  <td>{v.periodLabel}</td>
                  <td>{label(v.geography)}</td>
                  <td className="num">{v.value}</td>
                  <td>{v.change === 'new' ? 'New' : v.change === 'same' ? 'Same' : `Was ${v.from}`}</td>
                  <td>{v.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className={s.actions}>
            <Button appearance="primary" disabled={busy || toWrite === 0} onClick={() => void apply()}>
              {busy ? <Spinner size="tiny" label="Importing…" /> : toWrite === 0 ? 'Nothing to import' : `Import ${toWrite} value${toWrite === 1 ? '' : 's'}`}
            </Button>
            <Button onClick={onClose}>Close</Button>
          </div>
        </section>
      )}
    </div>
  );
}

/** The Indicators screen's entry point: a button that opens the import. */
export function IndicatorImportSection() {
  return (
    <ImportLauncher title="Import national statistics" buttonLabel="Import national statistics (DfE CSV)…">
      {(close) => <IndicatorImportWizard onClose={close} />}
    </ImportLauncher>
  );
}
