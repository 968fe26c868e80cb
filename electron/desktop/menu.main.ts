/**
 * The application menu. The template is built by a plain function (tested without a window); the
 * exports only ask the renderer to run them (it builds the document through the contract and
 * calls saveFile), so the menu and the page buttons share one path.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuAction, RecentWorkbook } from '../contract/shell-api';

export interface MenuDeps {
  appName: string;
  isMac: boolean;
  hasWorkbook: boolean;
  recent: RecentWorkbook[];
  send(action: MenuAction): void;
  openWorkbook(): void;
  openRecent(id: string): void;
  saveCopy(): void;
  about(): void;
}

export function buildMenuTemplate(deps: MenuDeps): MenuItemConstructorOptions[] {
  const exportItem = (label: string, action: MenuAction): MenuItemConstructorOptions => ({
    label,
    enabled: deps.hasWorkbook,
    click: () => deps.send(action),
  });
  const recentItems: MenuItemConstructorOptions[] =
    deps.recent.length === 0
      ? [{ label: 'No recent workbooks', enabled: false }]
      : deps.recent.map((r) => ({
          // Folder name too: two areas' workbooks are often both called "evidence workbook".
          label: `${r.fileName.replace(/&/g, '&&')}  (${r.folderName.replace(/&/g, '&&')})`,
          click: () => deps.openRecent(r.id),
        }));

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: '&New workbook…', accelerator: 'CmdOrCtrl+N', click: () => deps.send('workbook:new') },
      { label: '&Open…', accelerator: 'CmdOrCtrl+O', click: () => deps.openWorkbook() },
      { label: 'Open &recent', submenu: recentItems },
      { type: 'separator' },
      { label: 'Save a &copy…', accelerator: 'CmdOrCtrl+Shift+S', enabled: deps.hasWorkbook, click: () => deps.saveCopy() },
      { type: 'separator' },
      {
        label: '&Export',
        submenu: [
          exportItem('&Self-evaluation (Word)…', 'export:sef'),
          exportItem('&Progress report (Word)…', 'export:progress-report'),
          exportItem('&Action plan (Excel)…', 'export:action-plan'),
          exportItem('&Evidence pack…', 'export:evidence-pack'),
        ],
      },
      ...(deps.isMac ? [] : ([{ type: 'separator' }, { label: '&Quit', role: 'quit' }] as MenuItemConstructorOptions[])),
    ],
  };
  // Edit roles give text boxes cut/copy/paste/undo (on macOS they do nothing without them).
  const edit: MenuItemConstructorOptions = { label: '&Edit', role: 'editMenu' };
  // Zoom is how many officers enlarge text (WCAG 1.4.4); no developer tools in the menu.
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { role: 'resetZoom', label: 'Actual size' },
      { role: 'zoomIn', label: 'Zoom in' },
      { role: 'zoomOut', label: 'Zoom out' },
      { type: 'separator' },
      { role: 'togglefullscreen', label: 'Full screen' },
    ],
  };
  const help: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [
      { label: '&User guide', accelerator: 'F1', click: () => deps.send('help:guide') },
      { type: 'separator' },
      { label: `&About ${deps.appName}`, click: () => deps.about() },
    ],
  };
  const macApp: MenuItemConstructorOptions = {
    label: deps.appName,
    submenu: [
      { label: `About ${deps.appName}`, click: () => deps.about() },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit', label: `Quit ${deps.appName}` },
    ],
  };
  return deps.isMac ? [macApp, file, edit, view, { role: 'windowMenu' }, help] : [file, edit, view, help];
}
