/**
 * The spreadsheet import, step by step (issue #16, part 3): choose the file (sent in pieces, with
 * progress), the sheet, the header row, which column holds which field, what the status and RAG
 * words mean, where the plan goes; then the preview, and Import in one go. Each step's heading takes
 * focus as it appears; each step's problems are listed in an error summary. Nothing is written
 * until Import (planSheet:apply), which the backend does in one transaction after a backup.
 */
import { Button } from '@fluentui/react-components';
import { useState } from 'react';
import { MAX_PLAN_SHEET_BYTES, type PlanSheetApplied } from '../../../electron/contract/groups/plan-sheet';
import { formatBytes } from '../../../electron/contract/format';
import { useApi } from '../../api/api-context';
import { FILE_UNREADABLE } from '../../api/send-file';
import { useFileUpload } from '../../api/use-file-upload';
import { navigate } from '../../app/router';
import { useWorkbook } from '../../app/workbook-context';
import { FileStep } from './file-step';
import { HeaderStep } from './header-step';
import { MappingStep } from './mapping-step';
import { PreviewStep } from './preview-step';
import type { Problem } from './problem-summary';
import { ResultView } from './result-view';
import { sheetFileProblem } from './sheet-file';
import { SheetStep } from './sheet-step';
import { TargetStep } from './target-step';
import { WordsStep } from './words-step';
import {
  STEP_TITLES,
  controlOfPath,
  mappingProblems,
  previewInput,
  problemOf,
  stepOfControl,
  targetProblems,
  titleFromFileName,
  type Mapping,
  type Preview,
  type Sample,
  type TargetChoice,
} from './wizard-model';

type Step = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export function PlanSheetWizard() {
  const { client, changed } = useApi();
  const { reference } = useWorkbook();
  const [step, setStep] = useState<Step>(1);
  const [moved, setMoved] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [failures, setFailures] = useState(0);
  const [busy, setBusy] = useState<string | null>(null);
  const [upload, setUpload] = useState<{ id: string; fileName: string } | null>(null);
  const [sample, setSample] = useState<Sample | null>(null);
  const [sheet, setSheet] = useState('');
  const [headerRow, setHeaderRow] = useState(1);
  const [mapping, setMapping] = useState<Mapping>({});
  const [statusMap, setStatusMap] = useState<Record<string, string>>({});
  const [ragMap, setRagMap] = useState<Record<string, string>>({});
  const [target, setTarget] = useState<TargetChoice>({ kind: 'new', title: '', type: '', startsOn: '', endsOn: '', planId: '', reportedOn: '' });
  const [preview, setPreview] = useState<Preview | null>(null);
  const [remember, setRemember] = useState(true);
  const [result, setResult] = useState<PlanSheetApplied | null>(null);
  // The uploaded copy is only needed while the wizard is open.
  const { sending: sent, send, discard } = useFileUpload();

  const fail = (p: Problem) => {
    setProblem(p);
    setFailures((n) => n + 1);
  };
  const go = (next: Step) => {
    setProblem(null);
    setMoved(true);
    setStep(next);
  };
  /** Runs one backend call with the busy label shown; a refusal goes to the step's error summary. */
  const run = async (label: string, work: () => Promise<void>) => {
    setBusy(label);
    setProblem(null);
    try {
      await work();
    } catch (e) {
      const p = problemOf(e, controlOfPath);
      // A refusal about an earlier step's answer (a date the backend will not take) is shown on that step, where its link leads to the field.
      const back = p.items?.map((i) => stepOfControl(i.target)).find((x) => x !== null);
      if (back && back !== step) go(back);
      fail(p);
    } finally {
      setBusy(null);
    }
  };

  const takeSample = (s: Sample) => {
    setSample(s);
    setSheet(s.sheet);
    setHeaderRow(s.headerRow ?? 1);
    setMapping({ ...s.mapping });
    // The words saved with a mapping for these headings apply again (the officer sees them on step 5).
    if (s.remembered) {
      setStatusMap((m) => ({ ...s.remembered!.statusMap, ...m }));
      setRagMap((m) => ({ ...s.remembered!.ragMap, ...m }));
    }
  };

  const chooseFile = async (file: File) => {
    const wrong = sheetFileProblem(file.name) ?? (file.size > MAX_PLAN_SHEET_BYTES ? `“${file.name}” is ${formatBytes(file.size)}; a plan spreadsheet can be at most ${formatBytes(MAX_PLAN_SHEET_BYTES)}.` : null);
    if (wrong) return fail({ message: wrong });
    setProblem(null);
    try {
      const id = await send(file);
      setUpload({ id, fileName: file.name });
      setTarget((t) => ({ ...t, title: t.title || titleFromFileName(file.name), type: t.type || (reference.planTypes[0]?.id ?? '') }));
      setStatusMap({});
      setRagMap({});
      setPreview(null);
      await run('Reading the spreadsheet…', async () => {
        takeSample(await client.call('planSheet:sample', { uploadId: id }));
        go(2);
      });
    } catch (e) {
      fail(problemOf(e, undefined, FILE_UNREADABLE));
    }
  };

  const previewNow = (then: Step) =>
    run(then === 7 ? 'Reading the whole sheet…' : 'Reading the sheet with these columns…', async () => {
      const p = await client.call('planSheet:preview', previewInput({ uploadId: upload!.id, sheet, headerRow, mapping, statusMap, ragMap, target }));
      setPreview(p);
      go(then);
    });

  const apply = () =>
    run('Importing: backing up the workbook, then writing the plan…', async () => {
      const r = await client.call('planSheet:apply', { ...previewInput({ uploadId: upload!.id, sheet, headerRow, mapping, statusMap, ragMap, target }), rememberMapping: remember });
      changed();
      setResult(r);
    });

  const restart = () => {
    discard();
    setUpload(null);
    setSample(null);
    setPreview(null);
    setResult(null);
    setMapping({});
    setStatusMap({});
    setRagMap({});
    setTarget((t) => ({ ...t, title: '', planId: '' }));
    go(1);
  };

  if (result) return <ResultView result={result} onAnother={restart} />;

  const cancel = (
    <Button type="button" appearance="subtle" onClick={() => navigate('/plans')} disabled={!!busy || !!sent}>
      Cancel
    </Button>
  );
  const frame = { step, of: STEP_TITLES.length, title: STEP_TITLES[step - 1]!, problem, failures, busy, focusHeading: moved, extra: cancel };

  if (step === 1 || !upload || !sample) return <FileStep frame={{ ...frame, step: 1, title: STEP_TITLES[0] }} sent={sent} onChoose={(f) => void chooseFile(f)} />;

  if (step === 2)
    return (
      <SheetStep
        frame={frame}
        sample={sample}
        sheet={sheet}
        onSheet={setSheet}
        onBack={() => go(1)}
        onNext={() =>
          sheet === sample.sheet
            ? go(3)
            : void run('Reading the sheet…', async () => {
                takeSample(await client.call('planSheet:sample', { uploadId: upload.id, sheet }));
                go(3);
              })
        }
      />
    );

  if (step === 3)
    return (
      <HeaderStep
        frame={frame}
        client={client}
        uploadId={upload.id}
        sample={sample}
        headerRow={headerRow}
        onHeaderRow={setHeaderRow}
        onBack={() => go(2)}
        onNext={() =>
          headerRow === sample.headerRow
            ? go(4)
            : void run('Reading the headings…', async () => {
                const s = await client.call('planSheet:sample', { uploadId: upload.id, sheet, headerRow });
                takeSample(s);
                go(4);
              })
        }
      />
    );

  if (step === 4)
    return (
      <MappingStep
        frame={frame}
        sample={sample}
        mapping={mapping}
        onMapping={setMapping}
        onBack={() => go(3)}
        onNext={() => {
          const wrong = mappingProblems(mapping);
          if (wrong) return fail(wrong);
          void previewNow(5);
        }}
      />
    );

  if (step === 5 && preview)
    return (
      <WordsStep
        frame={frame}
        preview={preview}
        statusMap={statusMap}
        ragMap={ragMap}
        onChange={(field, key, value) => (field === 'status' ? setStatusMap((m) => ({ ...m, [key]: value })) : setRagMap((m) => ({ ...m, [key]: value })))}
        onBack={() => go(4)}
        onNext={(missing) => (missing ? fail(missing) : go(6))}
      />
    );

  if (step === 6)
    return (
      <TargetStep
        frame={frame}
        target={target}
        onTarget={setTarget}
        asksReportedOn={!!(mapping.rag || mapping.progressNote)}
        onBack={() => go(5)}
        onNext={() => {
          const wrong = targetProblems(target);
          if (wrong) return fail(wrong);
          void previewNow(7);
        }}
      />
    );

  if (step === 7 && preview)
    return <PreviewStep frame={frame} preview={preview} remember={remember} onRemember={setRemember} onBack={() => go(6)} onImport={() => void apply()} />;

  // A step whose data is gone (for example after Back past a failed read): start from the mapping.
  return <MappingStep frame={{ ...frame, step: 4, title: STEP_TITLES[3] }} sample={sample} mapping={mapping} onMapping={setMapping} onBack={() => go(3)} onNext={() => void previewNow(5)} />;
}
