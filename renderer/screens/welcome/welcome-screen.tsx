/** First run / no workbook open: open the demo, start a new workbook, or open one (in browser mode, in the server's folder). */
import { Button, Field, Input, MessageBar, MessageBarBody, Select, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState, type FormEvent } from 'react';
import { ukDate } from '../../../electron/contract/format';
import type { ShellState } from '../../../electron/contract/shell-api';
import { useQuery } from '../../api/api-context';
import { platform, shellProblem } from '../../platform';
import type { ScreenProps } from '../../app/route-types';
import { BrowserWelcome } from './browser-welcome';
import { SETUP_HASH } from '../setup/needs-setup';

const useStyles = makeStyles({
  root: { maxWidth: '720px', margin: '0 auto', padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalXL}` },
  h1: { fontSize: tokens.fontSizeHero800, fontWeight: tokens.fontWeightSemibold, margin: `0 0 ${tokens.spacingVerticalM}` },
  card: { backgroundColor: tokens.colorNeutralBackground1, border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusLarge, padding: tokens.spacingHorizontalXL, marginBottom: tokens.spacingVerticalL },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'center' },
});

// Used only if the framework list cannot be read before a workbook exists.
const FALLBACK_FRAMEWORK = 'area-send-2025';

/**
 * Shown on its own when no workbook is open (then it is the page's <main>), and as the /welcome
 * screen inside the shell (File > Welcome), whose <main> already holds it: the router passes route
 * props there, and a second <main> inside the first would be two main landmarks (issue #15).
 */
export default function WelcomeScreen(props: Partial<ScreenProps> = {}) {
  const s = useStyles();
  const Root = props.params ? 'div' : 'main';
  const desktop = platform.isDesktop();
  const reference = useQuery('reference:get', {});
  const [state, setState] = useState<ShellState | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [areaName, setAreaName] = useState('');
  const [frameworkId, setFrameworkId] = useState('');
  const [areaError, setAreaError] = useState<string | undefined>();

  useEffect(() => {
    document.title = 'Welcome – Evidence Workbook';
    void platform.shellState().then(setState);
  }, []);

  const frameworks = reference.status === 'ok' ? reference.data.frameworks.filter((f) => f.effectiveTo === null) : [];

  const run = async (what: string, action: () => Promise<{ ok: boolean; error?: { code: string; message: string } } | undefined>) => {
    setBusy(what);
    setProblem(null);
    const result = await action();
    setBusy(null);
    const message = result ? shellProblem(result as never) : null;
    if (message) setProblem(message);
    else if (result?.ok) window.location.reload();
  };

  const onNew = (e: FormEvent) => {
    e.preventDefault();
    if (!areaName.trim()) {
      setAreaError('Enter the local area name, for example Bristol.');
      return;
    }
    // A new workbook opens on the first-run set-up (LA code, neighbours, partners) before the Overview.
    void run('new', async () => {
      const result = await platform.shell()?.newWorkbook({ areaName: areaName.trim(), frameworkId: frameworkId || frameworks[0]?.id || FALLBACK_FRAMEWORK });
      if (result?.ok) window.location.hash = SETUP_HASH;
      return result;
    });
  };

  return (
    <Root className={s.root}>
      <h1 className={s.h1}>Welcome to Evidence Workbook</h1>
      <p>Keep your local area partnership&apos;s inspection findings, action plans, evidence and self-evaluation in one workbook, on this computer.</p>
      {state?.startupMessage && (
        <MessageBar intent="warning">
          <MessageBarBody>{state.startupMessage}</MessageBarBody>
        </MessageBar>
      )}
      {problem && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      {!desktop ? (
        <BrowserWelcome />
      ) : (
        <>
          <section className={s.card} aria-labelledby="try-demo">
            <h2 id="try-demo">Look around first</h2>
            <p>The demo workbook is built from public council documents (Bristol&apos;s 2019 inspection, its Written Statement of Action and progress reports).</p>
            <Button appearance="primary" disabled={!!busy} onClick={() => run('demo', async () => platform.shell()?.openDemo())}>
              {busy === 'demo' ? <Spinner size="tiny" label="Building the demo…" /> : 'Open the demo workbook'}
            </Button>
          </section>
          <section className={s.card} aria-labelledby="start-new">
            <h2 id="start-new">Start a new workbook</h2>
            <form className={s.form} onSubmit={onNew} noValidate>
              <Field label="Local area name" required validationMessage={areaError} validationState={areaError ? 'error' : 'none'}>
                <Input value={areaName} onChange={(_, d) => { setAreaName(d.value); setAreaError(undefined); }} />
              </Field>
              {frameworks.length > 0 && (
                <Field label="Inspection framework" hint="You can record inspections under other frameworks later.">
                  <Select value={frameworkId || frameworks[0]!.id} onChange={(_, d) => setFrameworkId(d.value)}>
                    {frameworks.map((f) => (
                      <option key={f.id} value={f.id}>
                        {f.name}
                      </option>
                    ))}
                  </Select>
                </Field>
              )}
              <div className={s.row}>
                <Button type="submit" appearance="primary" disabled={!!busy}>
                  {busy === 'new' ? <Spinner size="tiny" label="Creating…" /> : 'Choose where to save it…'}
                </Button>
              </div>
            </form>
          </section>
          <section className={s.card} aria-labelledby="open-existing">
            <h2 id="open-existing">Open a workbook</h2>
            <div className={s.row}>
              <Button disabled={!!busy} onClick={() => run('open', async () => platform.shell()?.openWorkbook())}>
                Open…
              </Button>
            </div>
            {state && state.recent.length > 0 && (
              <ul>
                {state.recent.map((r) => (
                  <li key={r.id}>
                    <Button appearance="transparent" onClick={() => run('recent', async () => platform.shell()?.openRecent(r.id))}>
                      {r.fileName} ({r.folderName}), last opened {ukDate(r.openedAt)}
                    </Button>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </Root>
  );
}
