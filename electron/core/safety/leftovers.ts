/**
 * Temporary files that a killed backup or restore leaves behind (issue #14: up to 216 MB each):
 * `.NAME.partial` (and its -wal/-shm/-journal) in the backups folder, `.NAME.restoring-XXXX` beside
 * the workbook. Removed on the next open or restore once nothing can still be writing them: a
 * running backup or restore touches its file continuously, so only files untouched for a few
 * minutes go. Nothing else in either folder is ever touched.
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

/** Long past any live backup's or restore's last write, short enough to be "the next run". */
export const LEFTOVER_AGE_MS = 5 * 60 * 1000;

const SIDECAR = String.raw`(?:-wal|-shm|-journal)?`;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function removeOld(dir: string, pattern: RegExp, now: number): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!pattern.test(name)) continue;
    const file = path.join(dir, name);
    try {
      if (now - statSync(file).mtimeMs < LEFTOVER_AGE_MS) continue;
      rmSync(file, { force: true });
      removed.push(file);
    } catch {
      // Gone already, or not ours to remove: leave it.
    }
  }
  return removed;
}

/** Removes stale temporaries of this workbook's backups and restores; returns what it removed. */
export function cleanLeftovers(workbookPath: string, backupsDir: string | null, now = Date.now()): string[] {
  const base = escape(path.basename(workbookPath));
  const stem = escape(path.basename(workbookPath, path.extname(workbookPath)));
  const removed = removeOld(path.dirname(path.resolve(workbookPath)), new RegExp(`^\\.${base}\\.restoring-[0-9a-f]+${SIDECAR}$`), now);
  if (backupsDir) removed.push(...removeOld(backupsDir, new RegExp(`^\\.${stem}-.+\\.workbook\\.partial${SIDECAR}$`), now));
  return removed;
}
