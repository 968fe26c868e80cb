/**
 * Quick find (Ctrl+K, or ⌘K): a dialog from any screen that searches as you type. Arrow keys move
 * through the results, Enter opens one, "See all results" goes to the search page.
 */
import { Dialog, DialogBody, DialogSurface, DialogTitle, Input, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Search20Regular } from '@fluentui/react-icons';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Client } from '../../../electron/contract/client';
import type { SearchResult } from '../../../electron/contract/groups/files';
import { pathOf } from './destinations';
import { SearchResultList } from './search-result-list';
import { useSearch } from './use-search';

const useStyles = makeStyles({
  surface: { maxWidth: '720px', width: '90vw' },
  results: { maxHeight: '60vh', overflowY: 'auto', marginTop: tokens.spacingVerticalM },
  footer: { marginTop: tokens.spacingVerticalS, display: 'flex', justifyContent: 'space-between', color: tokens.colorNeutralForeground2 },
});

export interface SearchPaletteProps {
  client: Client;
  navigate: (path: string) => void;
}

export function SearchPalette({ client, navigate }: SearchPaletteProps) {
  const s = useStyles();
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const [active, setActive] = useState(0);
  // Where focus was before the palette opened, so closing it (Escape) never leaves focus on <body>.
  const opener = useRef<Element | null>(null);
  const surface = useRef<HTMLDivElement>(null);
  const id = useId();
  const { output, error, busy } = useSearch(client, { q, limit: 8 });
  const results = output?.results ?? [];

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        opener.current = document.activeElement;
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => setActive(0), [output]);

  const go = (result: SearchResult) => {
    setOpen(false);
    navigate(pathOf(result));
  };
  const seeAll = () => {
    setOpen(false);
    navigate(`/search?q=${encodeURIComponent(q)}`);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((i) => Math.min(i + 1, results.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const chosen = results[active];
      if (chosen) go(chosen);
      else if (q.trim()) seeAll();
    }
  };

  const status = error ?? output?.notice ?? (output && results.length === 0 ? `Nothing found for “${q}”.` : busy ? 'Searching…' : '');

  return (
    <Dialog
      open={open}
      onOpenChange={(_e, d) => {
        setOpen(d.open);
        if (!d.open) {
          // The palette stays on screen (holding focus) while it fades out, then leaves focus on
          // <body>: wait for it to go, then give focus back to where it was (issue #15).
          const giveBack = (tries: number) => {
            const now = document.activeElement;
            const inPalette = !!now && !!surface.current?.isConnected && surface.current.contains(now);
            if (now && now !== document.body && !inPalette) return;
            if (inPalette && tries > 0) {
              window.setTimeout(() => giveBack(tries - 1), 50);
              return;
            }
            const back = opener.current instanceof HTMLElement && opener.current.isConnected && opener.current !== document.body ? opener.current : document.getElementById('main-content');
            back?.focus();
          };
          window.setTimeout(() => giveBack(40), 0);
        }
      }}
    >
      <DialogSurface ref={surface} className={s.surface} aria-describedby={`${id}-status`}>
        <DialogBody style={{ display: 'block' }}>
          <DialogTitle>Find anything</DialogTitle>
          <Input
            autoFocus
            value={q}
            onChange={(_e, d) => setQ(d.value)}
            onKeyDown={onKeyDown}
            contentBefore={<Search20Regular />}
            placeholder="Evidence, file text, findings, actions, people…"
            aria-label="Search the workbook"
            role="combobox"
            aria-expanded={results.length > 0}
            aria-controls={`${id}-list`}
            aria-activedescendant={results.length > 0 ? `${id}-${active}` : undefined}
            style={{ width: '100%' }}
          />
          {/* Scrolls when there are many results: reachable by keyboard too (axe scrollable-region-focusable). */}
          <div className={s.results} tabIndex={0} role="region" aria-label="Results list">
            <SearchResultList results={results} activeIndex={active} onOpen={go} idPrefix={id} />
          </div>
          <div className={s.footer}>
            <Text id={`${id}-status`} role="status" size={200}>
              {status}
            </Text>
            {q.trim() && output && output.total > 0 && (
              <Link onClick={seeAll}>
                See all {output.total.toLocaleString('en-GB')}
                {output.moreThanTotal ? '+' : ''} results
              </Link>
            )}
          </div>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
