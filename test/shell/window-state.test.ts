import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_STATE, fitToDisplays, loadWindowState, saveWindowState } from '../../electron/desktop/support/window-state';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ewb-window-'));
  file = path.join(dir, 'window-state.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('window size and position are remembered', () => {
  it('round-trips what was saved', () => {
    expect(saveWindowState(file, { x: 100, y: 50, width: 1400, height: 900, maximized: true })).toBe(true);
    expect(loadWindowState(file)).toEqual({ x: 100, y: 50, width: 1400, height: 900, maximized: true });
  });

  it('uses the defaults on first run', () => {
    expect(loadWindowState(file)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it.each([
    ['corrupt JSON', '{"width": 12'],
    ['binary rubbish', '\u0000\u0001\u0002'],
    ['an empty file', ''],
    ['the wrong shape', '[1,2,3]'],
    ['strings for numbers', '{"width":"1000","height":"800"}'],
    ['a tiny window', '{"width":1,"height":1}'],
    ['an absurd size', '{"width":1e9,"height":800}'],
    ['not-a-number', '{"width":null,"height":800}'],
    ['fractions', '{"width":1000.5,"height":800}'],
  ])('a file with %s gives the defaults', (_label, contents) => {
    writeFileSync(file, contents);
    expect(loadWindowState(file)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('refuses to save nonsense', () => {
    expect(saveWindowState(file, { width: Number.NaN, height: 800, maximized: false })).toBe(false);
    expect(loadWindowState(file)).toEqual(DEFAULT_WINDOW_STATE);
  });
});

describe('fitting to the screens attached now', () => {
  const laptop = [{ x: 0, y: 0, width: 1366, height: 728 }];

  it('forgets a position on a monitor that is no longer attached', () => {
    expect(fitToDisplays({ x: 2500, y: 100, width: 1200, height: 700, maximized: false }, laptop)).toEqual({ width: 1200, height: 700 });
  });

  it('keeps a position that is on screen', () => {
    expect(fitToDisplays({ x: 40, y: 30, width: 1200, height: 700, maximized: false }, laptop)).toEqual({ x: 40, y: 30, width: 1200, height: 700 });
  });

  it('shrinks a window bigger than the screen', () => {
    const fitted = fitToDisplays({ width: 2500, height: 1400, maximized: false }, laptop);
    expect(fitted.width).toBeLessThanOrEqual(1366);
    expect(fitted.height).toBeLessThanOrEqual(728);
  });
});
