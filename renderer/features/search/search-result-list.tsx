/** A list of search results: title with highlights, where it sits, and a snippet. */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { SEARCH_TYPE_LABELS, type SearchResult } from '../../../electron/contract/groups/files';
import { HighlightedText } from './highlighted-text';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: {
    display: 'block',
    width: '100%',
    textAlign: 'left',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `1px solid transparent`,
    borderRadius: tokens.borderRadiusMedium,
    background: 'none',
    color: tokens.colorNeutralForeground1,
    font: 'inherit',
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  active: { backgroundColor: tokens.colorNeutralBackground1Selected, border: `1px solid ${tokens.colorNeutralStroke1}` },
  title: { fontWeight: tokens.fontWeightSemibold, display: 'block' },
  context: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, display: 'block' },
  snippet: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, display: 'block', marginTop: tokens.spacingVerticalXXS },
});

/**
 * The kind of record and where it sits ("Action · Action in priority 1 — Written Statement of
 * Action 2020"), without saying the kind twice when the context already starts with it.
 */
function whereItSits(r: SearchResult): string {
  const kind = SEARCH_TYPE_LABELS[r.type].replace(/s$/, '');
  const first = kind.split(' ')[0]!.toLowerCase();
  return r.context.toLowerCase().startsWith(first) ? r.context : `${kind} · ${r.context}`;
}

/** What a result shows, the same in the palette's option and the page's button. */
function ResultBody({ r }: { r: SearchResult }) {
  const s = useStyles();
  return (
    <>
      <span className={s.title}>
        <HighlightedText parts={r.title} />
      </span>
      <span className={s.context}>{whereItSits(r)}</span>
      {r.snippet.length > 0 && (
        <span className={s.snippet}>
          <HighlightedText parts={r.snippet} />
        </span>
      )}
    </>
  );
}

export function SearchResultList({
  results,
  activeIndex,
  onOpen,
  idPrefix,
}: {
  results: SearchResult[];
  activeIndex?: number;
  onOpen: (result: SearchResult) => void;
  /** For aria-activedescendant in the palette. */
  idPrefix?: string;
}) {
  const s = useStyles();
  return (
    <ul className={s.list} role={idPrefix ? 'listbox' : undefined} id={idPrefix ? `${idPrefix}-list` : undefined} aria-label="Search results">
      {results.map((r, i) => (
        <li key={`${r.type}:${r.id}`} role={idPrefix ? 'option' : undefined} id={idPrefix ? `${idPrefix}-${i}` : undefined} aria-selected={idPrefix ? i === activeIndex : undefined}>
          {idPrefix ? (
            // In the palette the option itself is chosen (arrow keys + Enter, or a click): no button
            // inside an option, which would be a control nested in a control (axe nested-interactive).
            <div className={mergeClasses(s.item, i === activeIndex && s.active)} onClick={() => onOpen(r)}>
              <ResultBody r={r} />
            </div>
          ) : (
            <button type="button" className={s.item} onClick={() => onOpen(r)}>
              <ResultBody r={r} />
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
