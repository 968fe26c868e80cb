/**
 * Which forms hold unsaved edits. Navigation asks before leaving them and the window warns on
 * close (beforeunload), so work is never lost silently.
 */
const dirtyForms = new Set<string>();

export function setDirty(formId: string, dirty: boolean): void {
  if (dirty) dirtyForms.add(formId);
  else dirtyForms.delete(formId);
}

export function hasUnsavedChanges(): boolean {
  return dirtyForms.size > 0;
}

export const LEAVE_QUESTION = 'You have changes that are not saved. Leave this page and lose them?';

/** True when it is fine to leave: nothing unsaved, or the officer chose to discard. */
export function confirmLeave(ask: (question: string) => boolean = (q) => window.confirm(q)): boolean {
  if (!hasUnsavedChanges()) return true;
  if (!ask(LEAVE_QUESTION)) return false;
  dirtyForms.clear();
  return true;
}

export function installBeforeUnloadGuard(target: Window = window): () => void {
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (!hasUnsavedChanges()) return;
    event.preventDefault();
    // Older Chromium (and Electron) still need returnValue set to show the prompt.
    event.returnValue = LEAVE_QUESTION;
  };
  target.addEventListener('beforeunload', onBeforeUnload);
  return () => target.removeEventListener('beforeunload', onBeforeUnload);
}
