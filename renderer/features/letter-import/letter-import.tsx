/**
 * Import a published inspection letter (issue #16, part 3): paste the letter's text or choose its
 * PDF, Word or text file; check the preview (the event, each weakness verbatim, its verdict and the
 * finding of the initial inspection it matches, with uncertain matches and a summary that
 * disagrees with the verdicts shown); edit; then import in one go. Mounted on the Inspections screen.
 */
import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Select, Spinner, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { z } from 'zod';
import { parseUkDate, ukDate } from '../../../electron/contract/format';
import type { letterApplyInput, letterPreview } from '../../../electron/contract/groups/letters';
import { toApiError, useApi } from '../../api/api-context';
import { ImportLauncher } from '../../components/import-launcher';
import { notify } from '../../components/notices';
import { useFileUpload } from '../../api/use-file-upload';
import { SendingProgress } from '../../components/sending-progress';

type Preview = z.output<typeof letterPreview>;
type Source = z.input<typeof letterApplyInput>['source'];
type Verdict = 'sufficient_progress' | 'not_sufficient_progress';
interface ItemEdit {
  title: string;
  verdict: Verdict | '';
  findingId: string;
  partnerIds: number[];
}
type DateKey = 'onsiteStartOn' | 'onsiteEndOn' | 'publishedOn';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '1000px' },
  row: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap', '& > *': { flex: '1 1 200px' } },
  file: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, '& label': { fontWeight: tokens.fontWeightSemibold } },
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  item: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalS, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  quote: { margin: 0, paddingLeft: tokens.spacingHorizontalM, borderLeft: `3px solid ${tokens.colorNeutralStroke1}` },
});

const VERDICT_LABELS: Record<Verdict, string> = { sufficient_progress: 'Sufficient progress', not_sufficient_progress: 'Not sufficient progress' };
const TYPE_LABELS: Record<string, string> = { significant_weakness: 'Significant weakness', area_for_improvement: 'Area for improvement', area_for_priority_action: 'Area for priority action' };
const KIND_LABELS: Record<string, string> = {
  revisit_2016: 'revisit letter',
  initial_2016: 'initial inspection letter',
  area_send_report: 'Area SEND report',
  area_send_monitoring: 'Area SEND monitoring inspection letter',
};
/** A monitoring letter words the verdict as the local area partnership's sufficient or insufficient progress. */
const MONITORING_VERDICT_LABELS: Record<Verdict, string> = { sufficient_progress: 'Sufficient progress', not_sufficient_progress: 'Insufficient progress' };
const DATE_LABELS: Record<DateKey, string> = { onsiteStartOn: 'On site from', onsiteEndOn: 'On site to', publishedOn: 'Letter dated' };

function LetterImportPanel({ onClose }: { onClose(): void }) {
  const s = useStyles();
  const { client, changed } = useApi();
  const [text, setText] = useState('');
  const [source, setSource] = useState<Source | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [title, setTitle] = useState('');
  const [dates, setDates] = useState<Record<DateKey, string>>({ onsiteStartOn: '', onsiteEndOn: '', publishedOn: '' });
  const [items, setItems] = useState<ItemEdit[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fileInputId = useId();
  // The uploaded copy is only needed while this panel is open.
  const { sending: sent, send } = useFileUpload();

  const show = (p: Preview, from: Source) => {
    setPreview(p);
    setSource(from);
    setTitle(p.event.title);
    setDates({ onsiteStartOn: ukDate(p.event.onsiteStartOn), onsiteEndOn: ukDate(p.event.onsiteEndOn), publishedOn: ukDate(p.event.publishedOn) });
    setItems(p.items.map((i) => ({ title: i.title, verdict: i.verdict ?? '', findingId: i.match.findingId === null ? '' : String(i.match.findingId), partnerIds: i.partnerIds })));
  };

  const previewOf = async (from: Source) => {
    setProblem(null);
    setPreview(null);
    setBusy(true);
    try {
      show(await client.call('letter:preview', { source: from }), from);
    } catch (e) {
      setProblem(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  const chooseFile = async (file: File | undefined) => {
    if (!file) return;
    setProblem(null);
    let uploadId: string;
    try {
      uploadId = await send(file);
    } catch (e) {
      setProblem(toApiError(e).message);
      return;
    }
    await previewOf({ uploadId });
  };

  const monitoring = preview?.kind === 'area_send_monitoring';
  /** A revisit or monitoring letter judges earlier findings: each item has a verdict and a match. */
  const judging = preview?.kind === 'revisit_2016' || monitoring;
  const itemNoun = monitoring ? 'Area for priority action' : preview?.kind === 'area_send_report' ? 'Finding' : 'Weakness';
  const verdictLabels = monitoring ? MONITORING_VERDICT_LABELS : VERDICT_LABELS;
  const badDate = (Object.keys(dates) as DateKey[]).find((k) => dates[k].trim() !== '' && parseUkDate(dates[k]) === null);
  const missingVerdicts = judging ? items.filter((i) => i.verdict === '').length : 0;
  const chosenTwice = items.some((i, n) => i.findingId !== '' && items.findIndex((j) => j.findingId === i.findingId) !== n);

  const apply = async () => {
    if (!preview || !source) return;
    setBusy(true);
    setProblem(null);
    try {
      const when = (v: string) => (v.trim() ? parseUkDate(v) : null);
      const result = await client.call('letter:apply', {
        source,
        letterKind: preview.kind,
        event: {
          ...preview.event,
          kind: preview.event.kind as 'revisit',
          title,
          onsiteStartOn: when(dates.onsiteStartOn),
          onsiteEndOn: when(dates.onsiteEndOn),
          publishedOn: when(dates.publishedOn),
        },
        items: preview.items.map((item, i) => ({
          type: item.type,
          partnerIds: items[i]!.partnerIds,
          reference: item.reference,
          title: items[i]!.title,
          text: item.text,
          commentary: item.commentary,
          verdict: judging && items[i]!.verdict ? (items[i]!.verdict as Verdict) : null,
          findingId: judging && items[i]!.findingId ? Number(items[i]!.findingId) : null,
        })),
      });
      changed();
      notify(
        result.alreadyImported
          ? 'This letter had already been imported, so nothing was changed.'
          : `Imported: ${result.findingsCreated} finding${result.findingsCreated === 1 ? '' : 's'} added and ${result.assessmentsCreated} verdict${result.assessmentsCreated === 1 ? '' : 's'} recorded; the letter is kept as evidence.`,
        { focus: true },
      );
      onClose();
    } catch (e) {
      setProblem(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={s.root}>
      <p>
        Paste the text of a published 2016-framework joint area SEND inspection letter or revisit letter, an Area SEND inspection report or an Area SEND monitoring inspection letter, or choose its PDF or
        Word file. Nothing is written until you choose Import.
      </p>
      {problem && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      <div className={s.file}>
        <label htmlFor={fileInputId}>Letter file (PDF, Word or text)</label>
        <input id={fileInputId} type="file" accept=".pdf,.docx,.odt,.txt,application/pdf" onChange={(e) => void chooseFile(e.target.files?.[0])} disabled={busy || !!sent} />
      </div>
      <SendingProgress sending={sent} />
      <Field label="Or paste the letter’s text">
        <Textarea value={text} onChange={(_, d) => setText(d.value)} resize="vertical" rows={6} />
      </Field>
      <div className={s.actions}>
        <Button appearance="primary" disabled={busy || text.trim() === ''} onClick={() => void previewOf({ text, fileName: '' })}>
          Preview the pasted text
        </Button>
        {busy && !preview && <Spinner size="tiny" label="Reading the letter…" />}
      </div>
      {preview && (
        <section aria-labelledby="letter-preview">
          <h3 id="letter-preview">Preview: {KIND_LABELS[preview.kind]}</h3>
          {preview.warnings.map((w) => (
            <MessageBar key={w} intent="warning">
              <MessageBarBody>{w}</MessageBarBody>
            </MessageBar>
          ))}
          {preview.summary && (
            <p>
              The letter’s summary: “{preview.summary.sentence}” {preview.summaryAgrees ? 'This agrees with the verdicts below.' : 'This does NOT agree with the verdicts below: check each one.'}
            </p>
          )}
          {preview.outcome && <p>Outcome: “{preview.outcome.text}”</p>}
          {preview.kind === 'initial_2016' && <p>Written Statement of Action required: {preview.wsoaRequired ? 'yes' : 'no'}.</p>}
          <div className={s.row}>
            <Field label="Event title" required>
              <Input value={title} onChange={(_, d) => setTitle(d.value)} />
            </Field>
            {(Object.keys(DATE_LABELS) as DateKey[]).map((k) => (
              <Field
                key={k}
                label={DATE_LABELS[k]}
                hint="DD/MM/YYYY"
                validationState={badDate === k ? 'error' : 'none'}
                validationMessage={badDate === k ? `${DATE_LABELS[k]} must be a date such as 22/11/2026.` : undefined}
              >
                <Input value={dates[k]} onChange={(_, d) => setDates((x) => ({ ...x, [k]: d.value }))} />
              </Field>
            ))}
          </div>
          {preview.items.map((item, i) => {
            const edit = items[i]!;
            const set = (patch: Partial<ItemEdit>) => setItems((all) => all.map((x, n) => (n === i ? { ...x, ...patch } : x)));
            const uncertain = item.match.uncertain && preview.candidates.length > 0;
            return (
              <div key={i} className={s.item} role="group" aria-label={`${itemNoun} ${i + 1}`}>
                <Field label={`${TYPE_LABELS[item.type]} ${i + 1}: short title`} required>
                  <Input value={edit.title} onChange={(_, d) => set({ title: d.value })} />
                </Field>
                <blockquote className={s.quote}>{item.text}</blockquote>
                {preview.kind === 'area_send_report' && preview.partners.length > 0 && (
                  <fieldset>
                    <legend>Partners named for this finding</legend>
                    {preview.partners.map((p) => (
                      <Checkbox
                        key={p.id}
                        label={p.name}
                        checked={edit.partnerIds.includes(p.id)}
                        onChange={(_, d) => set({ partnerIds: d.checked ? [...edit.partnerIds, p.id] : edit.partnerIds.filter((x) => x !== p.id) })}
                      />
                    ))}
                  </fieldset>
                )}
                {judging && (
                  <div className={s.row}>
                    <Field label="Verdict" required validationState={edit.verdict ? 'none' : 'error'} validationMessage={edit.verdict ? undefined : 'Choose the verdict the letter gives.'}>
                      <Select value={edit.verdict} onChange={(_, d) => set({ verdict: d.value as Verdict | '' })}>
                        <option value="">Choose…</option>
                        {(Object.keys(verdictLabels) as Verdict[]).map((v) => (
                          <option key={v} value={v}>
                            {verdictLabels[v]}
                          </option>
                        ))}
                      </Select>
                    </Field>
                    <Field
                      label={monitoring ? 'Area for priority action of the earlier inspection' : 'Finding of the initial inspection'}
                      validationState={uncertain ? 'warning' : 'none'}
                      validationMessage={uncertain ? 'Uncertain match: confirm it or choose another.' : undefined}
                    >
                      <Select value={edit.findingId} onChange={(_, d) => set({ findingId: d.value })}>
                        <option value="">None: add it as a new finding</option>
                        {preview.candidates.map((c) => (
                          <option key={c.id} value={String(c.id)}>
                            {`${c.reference ? `${c.reference} ` : ''}${c.title}`.slice(0, 120)}
                          </option>
                        ))}
                      </Select>
                    </Field>
                  </div>
                )}
                {item.verdictSentence && <p className={s.hint}>The letter says: “{item.verdictSentence}”</p>}
                {item.commentary && (
                  <details>
                    <summary>Inspectors’ commentary</summary>
                    {item.commentary.split('\n\n').map((para, n) => (
                      <p key={n}>{para}</p>
                    ))}
                  </details>
                )}
              </div>
            );
          })}
          {chosenTwice && <p role="alert">Two {monitoring ? 'areas for priority action' : 'weaknesses'} are matched to the same finding: choose a different finding for one of them.</p>}
          <div className={s.actions}>
            <Button
              appearance="primary"
              disabled={busy || missingVerdicts > 0 || chosenTwice || !!badDate || !title.trim() || preview.alreadyImportedEventId !== null}
              onClick={() => void apply()}
            >
              {busy ? <Spinner size="tiny" label="Importing…" /> : preview.alreadyImportedEventId !== null ? 'Already imported' : 'Import'}
            </Button>
            <Button onClick={onClose}>Close</Button>
          </div>
        </section>
      )}
    </div>
  );
}

/** The Inspections screen's entry point: a button that opens the import. */
export function LetterImportSection() {
  return (
    <ImportLauncher title="Import an inspection letter" buttonLabel="Import an inspection letter…">
      {(close) => <LetterImportPanel onClose={close} />}
    </ImportLauncher>
  );
}
