/**
 * Browser mode with no workbook open (issue #16): start a new workbook or open one, in the folder
 * the server was started with. Only file names travel; the server keeps them inside that folder.
 */
import { Button, Field, Input, MessageBar, MessageBarBody, Select, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState, type FormEvent } from 'react';
import type { ApiError } from '../../../electron/contract/define';
import { ukDate } from '../../../electron/contract/format';
import type { FolderOpOutput } from '../../../electron/contract/workbook-folder';
import { folderCall } from './folder-client';

const useStyles = makeStyles({
  card: { backgroundColor: tokens.colorNeutralBackground1, border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusLarge, padding: tokens.spacingHorizontalXL, marginBottom: tokens.spacingVerticalL },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

type Listing = FolderOpOutput<'folder:list'>;

function issueFor(error: ApiError | null, field: string): string | undefined {
  return error?.issues?.find((i) => i.path === field)?.message;
}

/** After creating, the page reloads on the set-up screen; after opening, on the Overview. */
function reloadAt(hash: string): void {
  window.location.hash = hash;
  window.location.reload();
}

export function BrowserWelcome() {
  const s = useStyles();
  const [listing, setListing] = useState<Listing | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [fileName, setFileName] = useState('');
  const [areaName, setAreaName] = useState('');
  const [frameworkId, setFrameworkId] = useState('');

  useEffect(() => {
    void folderCall('folder:list', {}).then((r) => {
      if (r.ok) {
        setListing(r.value);
        if (r.value.suggestedName) setFileName(r.value.suggestedName);
      } else setProblem(r.error);
    });
  }, []);

  const onNew = async (e: FormEvent) => {
    e.preventDefault();
    setBusy('new');
    setProblem(null);
    const r = await folderCall('folder:create', { fileName, areaName, frameworkId });
    setBusy(null);
    if (r.ok) reloadAt('#/setup');
    else setProblem(r.error);
  };

  const onOpen = async (name: string) => {
    setBusy(name);
    setProblem(null);
    const r = await folderCall('folder:open', { fileName: name });
    setBusy(null);
    if (r.ok) reloadAt('#/');
    else setProblem(r.error);
  };

  if (!listing && !problem) return <Spinner label="Looking for workbooks…" />;
  const generalProblem = problem && !issueFor(problem, 'fileName') && !issueFor(problem, 'areaName') ? problem.message : null;
  return (
    <>
      {generalProblem && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{generalProblem}</MessageBarBody>
        </MessageBar>
      )}
      {listing && (
        <>
          <section className={s.card} aria-labelledby="start-new">
            <h2 id="start-new">Start a new workbook</h2>
            <p>It will be saved in {listing.folderName}. Next you will be asked for the area&apos;s details.</p>
            <form className={s.form} onSubmit={(e) => void onNew(e)} noValidate>
              <Field label="File name" required hint="For example, bristol-send. “.workbook” is added." validationMessage={issueFor(problem, 'fileName')} validationState={issueFor(problem, 'fileName') ? 'error' : 'none'}>
                <Input value={fileName} onChange={(_, d) => setFileName(d.value)} />
              </Field>
              <Field label="Local area name" required validationMessage={issueFor(problem, 'areaName')} validationState={issueFor(problem, 'areaName') ? 'error' : 'none'}>
                <Input value={areaName} onChange={(_, d) => setAreaName(d.value)} />
              </Field>
              {listing.frameworks.length > 1 && (
                <Field label="Inspection framework">
                  <Select value={frameworkId || listing.frameworks[0]!.id} onChange={(_, d) => setFrameworkId(d.value)}>
                    {listing.frameworks.map((f) => (
                      <option key={f.id} value={f.id}>
                        {f.name}
                      </option>
                    ))}
                  </Select>
                </Field>
              )}
              <div>
                <Button type="submit" appearance="primary" disabled={!!busy}>
                  {busy === 'new' ? <Spinner size="tiny" label="Creating…" /> : 'Start a new workbook'}
                </Button>
              </div>
            </form>
          </section>
          <section className={s.card} aria-labelledby="open-existing">
            <h2 id="open-existing">Open a workbook</h2>
            {listing.workbooks.length === 0 ? (
              <p>There are no workbooks in {listing.folderName} yet.</p>
            ) : (
              <ul className={s.list}>
                {listing.workbooks.map((w) => (
                  <li key={w.fileName}>
                    <Button appearance="secondary" disabled={!!busy} onClick={() => void onOpen(w.fileName)} aria-label={`Open ${w.fileName}`}>
                      {busy === w.fileName ? <Spinner size="tiny" label="Opening…" /> : `${w.fileName} (changed ${ukDate(w.modifiedAt)})`}
                    </Button>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </>
  );
}
