/** Today's date as the officer types it (22/11/2026), in local time. */
export function todayUk(now: Date = new Date()): string {
  const d = String(now.getDate()).padStart(2, '0');
  const m = String(now.getMonth() + 1).padStart(2, '0');
  return `${d}/${m}/${now.getFullYear()}`;
}
