/** The root: theme, API client, the open workbook's context, then the shell (or Welcome when none is open). */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { Suspense, lazy, useEffect } from 'react';
import type { Transport } from '../../electron/contract/client';
import { ApiProvider, useQuery } from '../api/api-context';
import { ErrorState, Loading } from '../components/states';
import { AppShell } from './app-shell';
import { installBeforeUnloadGuard } from './unsaved-changes';
import { WorkbookProvider } from './workbook-context';
import { needsSetup } from '../screens/setup/needs-setup';

const WelcomeScreen = lazy(() => import('../screens/welcome/welcome-screen'));
const SetupScreen = lazy(() => import('../screens/setup/setup-screen'));

function WorkbookGate() {
  const info = useQuery('workbook:info', {});
  const reference = useQuery('reference:get', info.status === 'ok' ? {} : null);
  const area = useQuery('area:get', info.status === 'ok' ? {} : null);

  if (info.status === 'error' && info.error.code === 'no_workbook') {
    return (
      <Suspense fallback={<Loading />}>
        <WelcomeScreen />
      </Suspense>
    );
  }
  const failed = [info, reference, area].find((q) => q.status === 'error');
  if (failed?.status === 'error') {
    return (
      <main style={{ padding: 32 }}>
        <h1>The workbook could not be opened</h1>
        <ErrorState error={failed.error} onRetry={() => [info, reference, area].forEach((q) => q.reload())} />
      </main>
    );
  }
  if (info.status !== 'ok' || reference.status !== 'ok' || area.status !== 'ok') return <Loading label="Opening the workbook…" />;
  return (
    <WorkbookProvider value={{ info: info.data, reference: reference.data, area: area.data, readOnly: info.data.readOnly }}>
      {needsSetup(area.data) && !info.data.readOnly ? (
        <Suspense fallback={<Loading />}>
          <SetupScreen />
        </Suspense>
      ) : (
        <AppShell />
      )}
    </WorkbookProvider>
  );
}

export function App({ transport }: { transport: Transport }) {
  useEffect(() => installBeforeUnloadGuard(), []);
  return (
    <FluentProvider theme={webLightTheme} style={{ minHeight: '100vh' }}>
      <ApiProvider transport={transport}>
        <WorkbookGate />
      </ApiProvider>
    </FluentProvider>
  );
}
