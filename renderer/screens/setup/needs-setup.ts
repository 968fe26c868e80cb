/** When the first-run set-up (issue #16) is shown instead of the app: kept apart so the gate need not load the screen. */

/** The hash that asks for set-up even when the area already has a name (straight after "Start a new workbook"). */
export const SETUP_HASH = '#/setup';

/** True when the workbook still needs its first-run set-up: it has no area name, or the page was sent to set-up. (A read-only workbook is shown as it is: set-up could not be saved.) */
export function needsSetup(area: { areaName: string }, hash: string = window.location.hash): boolean {
  return area.areaName.trim() === '' || hash === SETUP_HASH;
}
