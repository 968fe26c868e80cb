/**
 * Unobtrusive, announced confirmations (issue #15): "Saved" after every change, and after a delete
 * or unlink a message saying what happened with an Undo button for a few seconds. One live region
 * (role="status", polite) so screen readers hear each message once without losing their place.
 *
 * A module store rather than React state in one screen: a delete can navigate away from the page
 * that made it, and the Undo must survive that.
 */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { Dismiss16Regular } from '@fluentui/react-icons';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { finderFor, returnFocus } from './form-fields';

export interface Notice {
  id: number;
  message: string;
  /** Shown as an "Undo" button; resolves when undone (or rejects with a message to show). */
  undo?: () => Promise<void>;
  /** Milliseconds before it goes (paused while focus or the pointer is on it). */
  timeout: number;
  /** Where focus goes if it was on the notice when it goes (e.g. the restored row's button). */
  returnTo?: () => HTMLElement | null;
}

/** How long an Undo stays on offer: long enough to read and reach by keyboard. */
export const UNDO_SECONDS = 10;
const SAVED_MS = 3000;

let notices: Notice[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
let focusUndo = false;

function emit(): void {
  for (const l of listeners) l();
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function dismissNotice(id: number): void {
  notices = notices.filter((n) => n.id !== id);
  emit();
}

/**
 * Shows a message. With `undo`, the message offers Undo for UNDO_SECONDS; `focus` moves keyboard
 * focus to that Undo (used when the control that acted has just disappeared, e.g. a row's delete
 * button, so focus never falls to <body>).
 */
export function notify(message: string, options: { undo?: () => Promise<void>; focus?: boolean; returnTo?: () => HTMLElement | null } = {}): number {
  const id = nextId++;
  // Keep at most three: a burst of saves should not pile up.
  notices = [...notices.filter((n) => n.undo || n.message !== message), { id, message, undo: options.undo, returnTo: options.returnTo, timeout: options.undo ? UNDO_SECONDS * 1000 : SAVED_MS }].slice(-3);
  focusUndo = !!(options.undo && options.focus);
  emit();
  return id;
}

/** The "Saved" every successful change announces. */
export function notifySaved(what?: string): void {
  notify(what ? `Saved: ${what}` : 'Saved');
}

export function currentNotices(): readonly Notice[] {
  return notices;
}

/** Test helper: forget every notice. */
export function clearNotices(): void {
  notices = [];
  emit();
}

const useStyles = makeStyles({
  area: {
    position: 'fixed',
    right: tokens.spacingHorizontalL,
    bottom: tokens.spacingVerticalL,
    zIndex: 1000,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    maxWidth: 'min(420px, calc(100vw - 32px))',
    '@media print': { display: 'none' },
  },
  notice: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackgroundInverted,
    color: tokens.colorNeutralForegroundInverted,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow16,
  },
  text: { flex: '1 1 auto' },
  undo: { color: tokens.colorNeutralForegroundInverted, minWidth: 'auto', fontWeight: tokens.fontWeightSemibold, textDecoration: 'underline' },
  close: { color: tokens.colorNeutralForegroundInverted, minWidth: 'auto' },
});

function NoticeView({ notice }: { notice: Notice }) {
  const s = useStyles();
  const undoRef = useRef<HTMLButtonElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const held = useRef(false);
  const cameFrom = useRef<Element | null>(null);

  useEffect(() => {
    if (notice.undo && focusUndo) {
      focusUndo = false;
      undoRef.current?.focus();
    }
  }, [notice]);

  useEffect(() => {
    let left = notice.timeout;
    let last = Date.now();
    const tick = window.setInterval(() => {
      const now = Date.now();
      if (!held.current) left -= now - last;
      last = now;
      if (left <= 0) leave();
    }, 250);
    return () => window.clearInterval(tick);
  }, [notice]);

  /** Goes, and if focus was on it puts focus back on the page rather than on <body>. */
  const leave = () => {
    const hadFocus = rootRef.current?.contains(document.activeElement) ?? false;
    dismissNotice(notice.id);
    if (hadFocus) {
      const from = finderFor(cameFrom.current);
      returnFocus(() => notice.returnTo?.() ?? from());
    }
  };

  const undo = async () => {
    held.current = true;
    try {
      await notice.undo!();
      leave();
      notify('Undone');
    } catch (e) {
      leave();
      notify(`Could not undo: ${e instanceof Error ? e.message : 'something went wrong'}`);
    }
  };

  return (
    <div
      ref={rootRef}
      className={s.notice}
      onFocus={(e) => {
        held.current = true;
        if (!rootRef.current?.contains(e.relatedTarget as Node)) cameFrom.current = e.relatedTarget as Element | null;
      }}
      onBlur={(e) => {
        if (!rootRef.current?.contains(e.relatedTarget as Node)) held.current = false;
      }}
      onMouseEnter={() => (held.current = true)}
      onMouseLeave={() => (held.current = false)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') leave();
      }}
    >
      <span className={s.text}>{notice.message}</span>
      {notice.undo && (
        <Button ref={undoRef} appearance="transparent" className={s.undo} onClick={() => void undo()}>
          Undo
        </Button>
      )}
      <Button appearance="transparent" size="small" className={s.close} icon={<Dismiss16Regular />} aria-label={`Dismiss: ${notice.message}`} onClick={leave} />
    </div>
  );
}

/** The one live region for notices; mounted once by the API provider so every screen has it. */
export function NoticeArea() {
  const s = useStyles();
  const list = useSyncExternalStore(subscribe, currentNotices, currentNotices);
  return (
    <div className={s.area} role="status" aria-live="polite" aria-label="Notifications">
      {list.map((n) => (
        <NoticeView key={n.id} notice={n} />
      ))}
    </div>
  );
}
