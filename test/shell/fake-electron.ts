/**
 * A stand-in for the `electron` module (vi.mock('electron', () => import('./fake-electron'))).
 * It records what the shell asks of Electron so tests can assert on it, and lets tests fire
 * IPC messages and web-contents events as a hostile page would.
 */
import { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { vi } from 'vitest';

type Handler = (event: unknown, ...args: unknown[]) => unknown;

export const recorded = {
  handlers: new Map<string, Handler>(),
  exposed: new Map<string, unknown>(),
  windows: [] as FakeBrowserWindow[],
  privileged: [] as unknown[],
  protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
  menus: [] as unknown[],
  sent: [] as { channel: string; args: unknown[] }[],
  openedExternally: [] as string[],
  permissionRequestHandler: null as null | ((...a: unknown[]) => void),
  permissionCheckHandler: null as null | ((...a: unknown[]) => boolean),
  devicePermissionHandler: null as null | ((...a: unknown[]) => boolean),
  singleInstance: true,
  quitCalled: false,
  appPath: process.cwd(),
  userData: '',
  documents: '',
  saveDialogPath: null as string | null,
  openDialogPath: null as string | null,
  messageBoxes: [] as unknown[],
  /** Module paths given to utilityProcess.fork, and the stand-in processes started for them. */
  forked: [] as { modulePath: string; worker: Worker }[],
};

export function resetRecorded(): void {
  recorded.handlers.clear();
  recorded.exposed.clear();
  recorded.windows.length = 0;
  recorded.privileged.length = 0;
  recorded.protocolHandlers.clear();
  recorded.menus.length = 0;
  recorded.sent.length = 0;
  recorded.openedExternally.length = 0;
  recorded.messageBoxes.length = 0;
}

export const ipcMain = {
  handle: vi.fn((channel: string, handler: Handler) => {
    recorded.handlers.set(channel, handler);
  }),
  on: vi.fn(),
  removeHandler: vi.fn((channel: string) => recorded.handlers.delete(channel)),
};

const rendererEmitter = new EventEmitter();
export const ipcRenderer = {
  invoke: vi.fn(async (channel: string, ...args: unknown[]) => ({ ok: true, value: { channel, args } })),
  on: vi.fn((channel: string, listener: (...a: unknown[]) => void) => rendererEmitter.on(channel, listener)),
  removeListener: vi.fn((channel: string, listener: (...a: unknown[]) => void) => rendererEmitter.removeListener(channel, listener)),
  /** Test helper: a message from main (the event object carries `sender`, i.e. ipcRenderer). */
  emitFromMain: (channel: string, ...args: unknown[]) => rendererEmitter.emit(channel, { sender: ipcRenderer }, ...args),
};

export const contextBridge = {
  exposeInMainWorld: vi.fn((key: string, api: unknown) => {
    recorded.exposed.set(key, api);
  }),
};

export class FakeWebContents extends EventEmitter {
  url = '';
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  getURL() {
    return this.url;
  }
  send(channel: string, ...args: unknown[]) {
    recorded.sent.push({ channel, args });
  }
}

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  constructor(readonly options: Record<string, unknown>) {
    super();
    recorded.windows.push(this);
  }
  async loadURL(url: string) {
    this.loadedUrl = url;
    this.webContents.url = url;
  }
  show() {}
  maximize() {}
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {}
  isMaximized() {
    return false;
  }
  getNormalBounds() {
    return { x: 10, y: 20, width: 1000, height: 700 };
  }
}
export const BrowserWindow = FakeBrowserWindow;

const appEmitter = new EventEmitter();
export const app = Object.assign(appEmitter, {
  isPackaged: false,
  setName: vi.fn(),
  getName: () => 'Evidence Workbook',
  getAppPath: () => recorded.appPath,
  getPath: (name: string) => (name === 'userData' ? recorded.userData : recorded.documents),
  requestSingleInstanceLock: () => recorded.singleInstance,
  quit: vi.fn(() => {
    recorded.quitCalled = true;
  }),
  whenReady: () => Promise.resolve(),
});

export const protocol = {
  registerSchemesAsPrivileged: vi.fn((schemes: unknown[]) => {
    recorded.privileged.push(...schemes);
  }),
  handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) => {
    recorded.protocolHandlers.set(scheme, handler);
  }),
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler: vi.fn((h: (...a: unknown[]) => void) => {
      recorded.permissionRequestHandler = h;
    }),
    setPermissionCheckHandler: vi.fn((h: (...a: unknown[]) => boolean) => {
      recorded.permissionCheckHandler = h;
    }),
    setDevicePermissionHandler: vi.fn((h: (...a: unknown[]) => boolean) => {
      recorded.devicePermissionHandler = h;
    }),
    setSpellCheckerLanguages: vi.fn(),
  },
};

export const shell = {
  openExternal: vi.fn(async (url: string) => {
    recorded.openedExternally.push(url);
  }),
  openPath: vi.fn(async () => ''),
};

export const dialog = {
  showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: recorded.saveDialogPath === null, filePath: recorded.saveDialogPath ?? '' })),
  showOpenDialog: vi.fn(async (..._args: unknown[]) => ({
    canceled: recorded.openDialogPath === null,
    filePaths: recorded.openDialogPath ? [recorded.openDialogPath] : [],
  })),
  showErrorBox: vi.fn((title: string, content: string) => {
    recorded.messageBoxes.push({ title, content });
  }),
  showMessageBox: vi.fn(async (...args: unknown[]) => {
    recorded.messageBoxes.push(args.at(-1));
    return { response: 0 };
  }),
};

export const Menu = {
  buildFromTemplate: vi.fn((template: unknown) => ({ template })),
  setApplicationMenu: vi.fn((menu: unknown) => {
    recorded.menus.push(menu);
  }),
};

/**
 * utilityProcess.fork, played by a worker thread running the same workbook host module from the
 * sources (the bundle it names does not exist under test). The message and exit events are
 * Electron's shapes: 'message' carries the message itself, 'exit' the exit code.
 */
export const utilityProcess = {
  fork: vi.fn((modulePath: string) => {
    const worker = new Worker(fileURLToPath(new URL('../../electron/core/host/host-bootstrap.mjs', import.meta.url)));
    recorded.forked.push({ modulePath, worker });
    const child = {
      postMessage: (message: unknown) => worker.postMessage(message),
      // A method, as on Electron's UtilityProcess ('message' carries the message, 'exit' the code).
      on(event: string, listener: (...a: never[]) => void) {
        worker.on(event, listener as (...a: unknown[]) => void);
        return child;
      },
      kill: () => {
        void worker.terminate();
        return true;
      },
    };
    return child;
  }),
};

export const screen = {
  getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
};

/** A trusted IPC event from the app's main frame, and hostile variants. */
export function ipcEvent(url = 'app://workbook/index.html#/', options: { subFrame?: boolean; noFrame?: boolean; destroyed?: boolean } = {}) {
  const top = { url: 'app://workbook/index.html', parent: null };
  if (options.destroyed) {
    return {
      get senderFrame(): never {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
      sender: {},
    };
  }
  return { senderFrame: options.noFrame ? null : { url, parent: options.subFrame ? top : null }, sender: {} };
}

export default { app, BrowserWindow, contextBridge, dialog, ipcMain, ipcRenderer, Menu, protocol, screen, session, shell, utilityProcess };
