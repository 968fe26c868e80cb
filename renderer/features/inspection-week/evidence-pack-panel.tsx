/**
 * The evidence pack button: builds the zip (full, or for publication without personal data),
 * shows progress while it builds by polling pack:progress, then hands the file to be saved.
 */
import { Button, Field, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { Client } from '../../../electron/contract/client';
import { asApiError, Notice } from './week-shared';

export interface SavedFile {
  fileName: string;
  mimeType: string;
  base64: string;
}

/** Saves a built file (Save dialog or download); resolves with a problem to show, or null. */
export type SaveFile = (file: SavedFile) => Promise<string | null>;

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const useStyles = makeStyles({ row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' } });

export function EvidencePackPanel({ client, saveFile }: { client: Client; saveFile: SaveFile }) {
  const s = useStyles();
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ stage: string; done: number; total: number } | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; lines: string[] } | null>(null);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);

  useEffect(
    () => () => {
      if (timer.current) clearInterval(timer.current);
    },
    [],
  );

  const build = async (forPublication: boolean) => {
    setBusy(true);
    setOutcome(null);
    setProgress({ stage: 'Starting', done: 0, total: 0 });
    timer.current = setInterval(() => {
      client.call('pack:progress', {}).then(
        (p) => p.running && setProgress(p),
        () => {},
      );
    }, 400);
    try {
      const pack = await client.call('pack:build', { forPublication });
      const problem = await saveFile(pack);
      setOutcome(
        problem
          ? { ok: false, lines: [problem] }
          : { ok: true, lines: [`Saved ${pack.fileName}: ${count(pack.itemCount, 'evidence item')}, ${count(pack.fileCount, 'file')}.`, ...pack.leftOut.map((l) => `Left out: ${l}`)] },
      );
    } catch (e) {
      setOutcome({ ok: false, lines: [asApiError(e).message] });
    } finally {
      if (timer.current) clearInterval(timer.current);
      timer.current = null;
      setBusy(false);
      setProgress(null);
    }
  };

  return (
    <>
      <div className={s.row}>
        <Button appearance="primary" disabled={busy} onClick={() => build(false)}>
          Build evidence pack
        </Button>
        <Button disabled={busy} onClick={() => build(true)}>
          Build pack for publication (no personal data)
        </Button>
      </div>
      {busy && progress && (
        <Field label={progress.stage} validationState="none">
          <ProgressBar value={progress.total > 0 ? progress.done / progress.total : undefined} />
        </Field>
      )}
      {outcome && (
        <Notice intent={outcome.ok ? 'success' : 'error'}>
          {outcome.lines.map((l) => (
            <div key={l}>{l}</div>
          ))}
        </Notice>
      )}
    </>
  );
}
