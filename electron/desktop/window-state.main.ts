/** Remembers the main window's size, position and maximised state between sessions. */
import type { BrowserWindow, Screen } from 'electron';
import { fitToDisplays, loadWindowState, saveWindowState, type Rect } from './support/window-state';

export function initialBounds(file: string, screen: Pick<Screen, 'getAllDisplays'>): { bounds: Partial<Rect> & { width: number; height: number }; maximized: boolean } {
  const state = loadWindowState(file);
  const workAreas = screen.getAllDisplays().map((d) => d.workArea);
  return { bounds: fitToDisplays(state, workAreas), maximized: state.maximized };
}

/** Saves the normal (un-maximised) bounds when the window closes. */
export function trackWindowState(win: BrowserWindow, file: string): void {
  win.on('close', () => {
    const b = win.getNormalBounds();
    saveWindowState(file, { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() });
  });
}
