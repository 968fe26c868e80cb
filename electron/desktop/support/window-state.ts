/**
 * Window size and position, remembered in userData/window-state.json. A missing, corrupt or
 * hand-edited file gives the defaults, and a position on a monitor that is no longer attached
 * (a laptop undocked from the office screen) is moved back onto a visible display.
 */
import { z } from 'zod';
import { readJsonFile, writeJsonFile } from './json-file';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const coordinate = z.number().int().min(-100_000).max(100_000);
const size = z.number().int().min(200).max(20_000);

const windowStateSchema = z.object({
  x: coordinate.optional(),
  y: coordinate.optional(),
  width: size,
  height: size,
  maximized: z.boolean().default(false),
});

export type WindowState = z.output<typeof windowStateSchema>;

export const MIN_WIDTH = 800;
export const MIN_HEIGHT = 560;
export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 820, maximized: false };

export function loadWindowState(file: string): WindowState {
  return readJsonFile(file, windowStateSchema, DEFAULT_WINDOW_STATE);
}

export function saveWindowState(file: string, state: WindowState): boolean {
  const parsed = windowStateSchema.safeParse(state);
  return parsed.success ? writeJsonFile(file, parsed.data) : false;
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * The bounds to open with, given the displays' work areas: the saved size clamped to fit, and the
 * saved position only if enough of the window (its title bar area) is on some display.
 */
export function fitToDisplays(state: WindowState, workAreas: Rect[]): Partial<Rect> & { width: number; height: number } {
  const largest = workAreas.reduce<Rect | undefined>((best, a) => (!best || a.width * a.height > best.width * best.height ? a : best), undefined);
  const width = Math.max(MIN_WIDTH, Math.min(state.width, largest?.width ?? state.width));
  const height = Math.max(MIN_HEIGHT, Math.min(state.height, largest?.height ?? state.height));
  if (state.x === undefined || state.y === undefined) return { width, height };
  const titleBar: Rect = { x: state.x, y: state.y, width, height: 40 };
  const visible = workAreas.some((area) => overlap(titleBar, area) >= Math.min(width, 200) * 20);
  return visible ? { x: state.x, y: state.y, width, height } : { width, height };
}
