/**
 * What the desktop shell offers beyond the contract (window.workbookShell), with browser-mode
 * fallbacks: exports download through the browser, and New/Open are not offered because browser
 * mode serves exactly one workbook.
 */
import type { MenuAction, SaveFileRequest, ShellResult, ShellState, WorkbookShell } from '../electron/contract/shell-api';

export type { MenuAction, ShellState } from '../electron/contract/shell-api';

function shell(): WorkbookShell | undefined {
  return window.workbookShell;
}

/** Message to show for a shell result, or null when it worked or the officer cancelled. */
export function shellProblem(result: ShellResult<unknown>): string | null {
  if (result.ok || result.error.code === 'cancelled') return null;
  return result.error.message;
}

function downloadInBrowser(file: SaveFileRequest): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const platform = {
  isDesktop(): boolean {
    return shell() !== undefined;
  },
  shell,
  async shellState(): Promise<ShellState | null> {
    return (await shell()?.getShellState()) ?? null;
  },
  /** Saves an export: a Save dialog on the desktop, a download in the browser. Returns a problem to show, if any. */
  async saveFile(file: SaveFileRequest): Promise<string | null> {
    const s = shell();
    if (s) return shellProblem(await s.saveFile(file));
    downloadInBrowser(file);
    return null;
  },
  openExternal(url: string): void {
    if (!/^https:\/\//i.test(url)) return;
    const s = shell();
    if (s) void s.openExternal(url);
    else window.open(url, '_blank', 'noopener,noreferrer');
  },
  /** Listens to menu actions from the desktop shell (none in the browser). */
  onMenu(listener: (action: MenuAction) => void): () => void {
    return shell()?.onMenu(listener) ?? (() => {});
  },
};
