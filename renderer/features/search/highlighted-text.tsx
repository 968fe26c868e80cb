/** Text with the matched words in <mark>. Built from parts, never from HTML, so nothing is injected. */
import { makeStyles, tokens } from '@fluentui/react-components';
import type { TextPart } from '../../../electron/contract/groups/files';

const useStyles = makeStyles({
  mark: { backgroundColor: tokens.colorPaletteYellowBackground2, color: 'inherit', fontWeight: tokens.fontWeightSemibold, borderRadius: '2px' },
});

export function HighlightedText({ parts }: { parts: TextPart[] }) {
  const s = useStyles();
  return (
    <>
      {parts.map((p, i) =>
        p.hit ? (
          <mark key={i} className={s.mark}>
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}
