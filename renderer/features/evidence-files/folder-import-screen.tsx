/**
 * Import a folder (desktop): the main process shows the folder dialog and imports every file as a
 * new evidence item; this screen shows progress, a Cancel button and the summary.
 */
import { Button, Dropdown, Field, MessageBar, MessageBarBody, Option, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { EVIDENCE_KINDS, EVIDENCE_LEVELS, label, type EvidenceKind, type EvidenceLevel } from '../../../electron/contract/enums';
import type { ImportProgressView, ImportSummaryView } from '../../../electron/contract/files-shell-api';
import { useApi } from '../../api/api-context';
import { RouteLink } from '../../app/router';
import { Page } from '../../components/page';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '900px' },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'end', flexWrap: 'wrap' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

export default function FolderImportScreen() {
  const s = useStyles();
  const { changed } = useApi();
  const shell = window.workbookFiles;
  const [kind, setKind] = useState<EvidenceKind>('document');
  const [level, setLevel] = useState<EvidenceLevel>('activity');
  const [progress, setProgress] = useState<ImportProgressView | null>(null);
  const [summary, setSummary] = useState<ImportSummaryView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);

  useEffect(() => shell?.onImportProgress(setProgress), [shell]);

  if (!shell) {
    return (
      <Page title="Import a folder of evidence">
        <MessageBar intent="info">
          <MessageBarBody>Importing a whole folder needs the desktop app, which can read folders on this computer. In the browser, attach files on each evidence item instead: open the item in the Evidence library and use “Attach files”.</MessageBarBody>
        </MessageBar>
      </Page>
    );
  }

  const start = async () => {
    setError(null);
    setSummary(null);
    setProgress(null);
    setRunning(true);
    const r = await shell.importFolder({ kind, level });
    setRunning(false);
    if (r.ok) {
      setSummary(r.value);
      changed();
    } else if (r.error.code !== 'cancelled') setError(r.error.message);
  };

  const pct = progress && progress.bytesTotal > 0 ? progress.bytesDone / progress.bytesTotal : 0;
  return (
    <Page title="Import a folder of evidence">
    <div className={s.page}>
      <Text>Each file in the folder (and its subfolders) becomes a new evidence item with the file attached. Files already in the workbook are not added twice.</Text>
      <div className={s.row}>
        <Field label="Kind for the new items">
          <Dropdown value={label(kind)} selectedOptions={[kind]} onOptionSelect={(_e, d) => setKind(d.optionValue as EvidenceKind)}>
            {EVIDENCE_KINDS.map((k) => (
              <Option key={k} value={k}>
                {label(k)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label="Level">
          <Dropdown value={label(level)} selectedOptions={[level]} onOptionSelect={(_e, d) => setLevel(d.optionValue as EvidenceLevel)}>
            {EVIDENCE_LEVELS.map((l) => (
              <Option key={l} value={l}>
                {label(l)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Button appearance="primary" onClick={() => void start()} disabled={running}>
          Choose a folder and import…
        </Button>
        {running && <Button onClick={() => void shell.cancelImport()}>Cancel</Button>}
      </div>
      {running && progress && (
        <Field
          label={`Importing ${progress.done} of ${progress.total} files`}
          hint={progress.current ?? 'Finishing…'}
          validationState="none"
        >
          <ProgressBar value={pct} max={1} />
        </Field>
      )}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {summary && (
        <section aria-label="Import summary">
          <MessageBar intent={summary.refused.length || summary.cancelled ? 'warning' : 'success'}>
            <MessageBarBody>
              {summary.cancelled ? 'Import cancelled. ' : ''}From “{summary.folderName}”: {summary.imported.length} imported, {summary.duplicates.length} already in the workbook,{' '}
              {summary.refused.length} refused{summary.notImported ? `, ${summary.notImported} not looked at` : ''}.
            </MessageBarBody>
          </MessageBar>
          {summary.imported.length > 0 && (
            <>
              <h3>Imported</h3>
              <ul className={s.list}>
                {summary.imported.map((i) => (
                  <li key={i.evidenceId}>
                    <RouteLink to={`/evidence/${i.evidenceId}`}>{i.reference}</RouteLink> {i.file}
                    {i.notice ? ` — ${i.notice}` : ''}
                  </li>
                ))}
              </ul>
            </>
          )}
          {summary.duplicates.length > 0 && (
            <>
              <h3>Already in the workbook</h3>
              <ul className={s.list}>
                {summary.duplicates.map((d) => (
                  <li key={d.file}>
                    {d.file}: kept as “{d.existingFileName}” in {d.existingReference}
                  </li>
                ))}
              </ul>
            </>
          )}
          {summary.refused.length > 0 && (
            <>
              <h3>Refused</h3>
              <ul className={s.list}>
                {summary.refused.map((r) => (
                  <li key={r.file}>
                    {r.file}: {r.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
    </div>
    </Page>
  );
}
