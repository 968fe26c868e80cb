/**
 * The Electron main process: thin glue between the window, the contract's dispatcher and the
 * workbook file. Security choices follow electron docs tutorial/security.md (sandboxed renderer,
 * context isolation, app:// with a CSP, navigation/new windows/permissions denied, every IPC
 * sender checked, https-only external links; fuses are set at packaging, build/set-fuses.cjs).
 */
import './app-root.main';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell, utilityProcess } from 'electron';
import { appVersion } from '../../db/app-root';
import type { MenuAction, ShellResult } from '../contract/shell-api';
import { hostFilesBackend } from '../core/host/files-backend';
import { HOST_EVENTS } from '../core/host/host-protocol';
import { registerFileHandlers } from './files.main';
import { startHostProcess } from './host-process.main';
import { registerWorkbookIpc } from './ipc.main';
import { buildMenuTemplate } from './menu.main';
import { registerAppScheme, serveApp } from './protocol.main';
import { denyAllPermissions, hardenWebContents } from './security.main';
import { createShellActions, registerShellIpc } from './shell-ipc.main';
import { createIpcRegistrar } from './ipc-registrar.main';
import { MENU_EVENT } from './support/ipc-names';
import { electronNativeBinding, workbookFromArgs } from './support/native-binding';
import { RecentWorkbooks, recentId } from './support/recent-workbooks';
import { APP_ENTRY_URL } from './support/trusted-url';
import { WorkbookHost } from './support/workbook-host';
import { initialBounds, trackWindowState } from './window-state.main';

const APP_NAME = 'Evidence Workbook';

/** Set once started: stops backups and closes the workbook cleanly (its -wal is checkpointed). */
let shutdown: (() => Promise<void>) | null = null;

app.setName(APP_NAME);
// Privileged schemes must be registered before the app is ready.
registerAppScheme(protocol);

// macOS hands over double-clicked files with 'open-file', possibly before the app is ready.
let openFileRequest: ((file: string) => void) | null = null;
let pendingOpenFile: string | null = null;
app.on('open-file', (event, file) => {
  event.preventDefault();
  if (openFileRequest) openFileRequest(file);
  else pendingOpenFile = file;
});

if (!app.requestSingleInstanceLock()) {
  // Another copy is running: it receives our arguments through 'second-instance' and comes forward.
  app.quit();
} else {
  void start();
}

async function start(): Promise<void> {
  await app.whenReady();

  const appPath = app.getAppPath();
  const nativeBinding = electronNativeBinding(appPath);
  if (!existsSync(nativeBinding)) {
    // Without it every open would fail with an ABI error; say so once, plainly, and stop.
    dialog.showErrorBox(
      APP_NAME,
      `${APP_NAME} cannot start: its database module is missing (${nativeBinding}). Reinstall the app. Developers: run \`npm start\`, which builds it.`,
    );
    app.quit();
    return;
  }
  const userData = app.getPath('userData');
  const workbooksDir = () => path.join(app.getPath('documents'), APP_NAME);
  // Backups are kept per workbook file in app data (issue 7), keyed like the recent list.
  const backupsDirFor = (file: string) => path.join(userData, 'backups', recentId(file));

  denyAllPermissions(session.defaultSession);
  try {
    session.defaultSession.setSpellCheckerLanguages(['en-GB']);
  } catch {
    // macOS uses the system spellchecker and refuses a language list; nothing to do.
  }
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, shell));
  serveApp(protocol, path.join(appPath, 'dist'));

  // The packaged app does not check answers against the contract (core/api/dispatch.ts); the host
  // inherits this environment.
  if (app.isPackaged) process.env.EVIDENCE_WORKBOOK_CHECK_OUTPUTS ??= '0';
  // The workbook, its services, exports, imports and backups live in a utility process; main
  // only relays (issue #12). The host bundle sits beside main.cjs (scripts/build-electron.mjs).
  const hostProcess = startHostProcess(utilityProcess, path.join(__dirname, 'workbook-host.cjs'), { nativeBinding }, (code) => {
    dialog.showErrorBox(APP_NAME, `The part of ${APP_NAME} that holds your workbook stopped (code ${code}). Your saved work is safe; restart the app to carry on.`);
  });
  hostProcess.client.on(HOST_EVENTS.backupError, (e) => console.error('[backups]', (e as { message?: string })?.message));
  const recent = new RecentWorkbooks(path.join(userData, 'recent.json'));
  let mainWindow: BrowserWindow | null = null;

  let stopped: Promise<void> | null = null;
  shutdown = () => (stopped ??= hostProcess.stop());

  const send = (action: MenuAction) => mainWindow?.webContents.send(MENU_EVENT, action);

  const host = new WorkbookHost({
    client: hostProcess.client,
    recent,
    workbooksDir: workbooksDir(),
    appVersion: appVersion(),
    backupsDirFor,
    scheduleBackups: true,
    onChanged: () => refreshMenu(),
  });

  const actions = createShellActions({
    dialog,
    shell,
    host,
    window: () => mainWindow,
    workbooksDir,
    exportsDir: () => app.getPath('downloads'),
  });

  // Every IPC handler goes through this one registrar: declared name, trusted sender, parsed input.
  const registrar = createIpcRegistrar(ipcMain);
  registerWorkbookIpc(registrar, { dispatch: hostProcess.client.dispatch });
  registerShellIpc(registrar, actions);
  registerFileHandlers({ registrar, dialog, shell, files: hostFilesBackend(hostProcess.client) });

  /** Runs a menu action done in main and tells the officer if it failed. */
  const fromMenu = async (run: () => Promise<unknown> | unknown, onSuccess?: () => void) => {
    const result = (await run()) as ShellResult<unknown>;
    if (result.ok) {
      onSuccess?.();
      return;
    }
    if (result.error.code === 'cancelled') return;
    const options = { type: 'warning' as const, title: APP_NAME, message: result.error.message, buttons: ['OK'] };
    if (mainWindow) await dialog.showMessageBox(mainWindow, options);
    else await dialog.showMessageBox(options);
  };

  function refreshMenu(): void {
    const template = buildMenuTemplate({
      appName: APP_NAME,
      isMac: process.platform === 'darwin',
      hasWorkbook: host.current !== null,
      recent: recent.list(),
      send,
      openWorkbook: () => void fromMenu(actions.openWorkbook, () => send('workbook:opened')),
      openRecent: (id) => void fromMenu(() => actions.openRecent(id), () => send('workbook:opened')),
      saveCopy: () => void fromMenu(actions.saveCopy),
      about: () =>
        void dialog.showMessageBox({
          type: 'info',
          title: `About ${APP_NAME}`,
          message: `${APP_NAME} ${appVersion()}`,
          detail:
            'An offline workbook for local area SEND partnerships: inspection findings, action plans, evidence and self-evaluation. Your workbooks stay on this computer.',
          buttons: ['OK'],
        }),
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }

  // Opening (an XL workbook takes seconds) runs in the host while the window appears; the page's
  // first getShellState waits for it.
  const fromArgs = pendingOpenFile ?? workbookFromArgs(process.argv);
  void host.startup(async () => {
    if (fromArgs) {
      const opened = await host.open(fromArgs);
      if (!opened.ok) await host.reopenLast();
    } else {
      await host.reopenLast();
    }
  });
  refreshMenu();

  openFileRequest = (file) => void fromMenu(() => host.open(file), () => send('workbook:opened'));

  app.on('second-instance', (_event, argv) => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
    const file = workbookFromArgs(argv);
    if (file) void fromMenu(() => host.open(file), () => send('workbook:opened'));
  });

  const windowStateFile = path.join(userData, 'window-state.json');
  const { bounds, maximized } = initialBounds(windowStateFile, screen);
  mainWindow = new BrowserWindow({
    ...bounds,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: APP_NAME,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true,
      devTools: !app.isPackaged,
    },
  });
  trackWindowState(mainWindow, windowStateFile);
  mainWindow.once('ready-to-show', () => {
    if (maximized) mainWindow?.maximize();
    mainWindow?.show();
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  await mainWindow.loadURL(APP_ENTRY_URL);
}

app.on('window-all-closed', () => app.quit());

// Quit waits for the host to close the workbook (checkpointing its -wal) before the process ends.
let quitting = false;
app.on('before-quit', (event) => {
  if (!shutdown || quitting) return;
  event.preventDefault();
  quitting = true;
  void shutdown().finally(() => app.quit());
});

app.on('will-quit', () => void shutdown?.());
