/**
 * The error summary of every wizard step, in the GOV.UK pattern the app's forms use
 * (components/form-fields.tsx ErrorSummary): "There is a problem", then each problem, as a link
 * to the control it concerns when there is one. It takes focus each time a step fails, so a keyboard
 * or screen-reader user lands on it rather than staying on the button below.
 */
import { Link, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId, useRef, type MouseEvent } from 'react';

export interface Problem {
  /** Shown when there is no list, or above it. */
  message?: string;
  /** Each with the id of the control to move to, if any. */
  items?: { message: string; target?: string }[];
}

const useStyles = makeStyles({
  summary: {
    border: `4px solid ${tokens.colorPaletteRedBorder2}`,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    scrollMarginTop: tokens.spacingVerticalXXL,
    ':focus': { outline: `3px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  title: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: `0 0 ${tokens.spacingVerticalS}` },
  text: { margin: `0 0 ${tokens.spacingVerticalS}` },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  link: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

export function ProblemSummary({ problem, failures }: { problem: Problem; failures: number }) {
  const s = useStyles();
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'start' });
    ref.current?.focus();
  }, [failures]);
  const jump = (target: string) => (e: MouseEvent) => {
    e.preventDefault();
    const el = document.getElementById(target);
    el?.scrollIntoView?.({ block: 'center' });
    el?.focus();
  };
  return (
    <div ref={ref} tabIndex={-1} role="alert" aria-labelledby={titleId} className={s.summary} data-error-summary="">
      <h3 id={titleId} className={s.title}>
        There is a problem
      </h3>
      {problem.message && <p className={s.text}>{problem.message}</p>}
      {problem.items && problem.items.length > 0 && (
        <ul className={s.list}>
          {problem.items.map((i) => (
            <li key={`${i.target ?? ''}-${i.message}`}>
              {i.target ? (
                <Link href={`#${i.target}`} onClick={jump(i.target)} className={s.link}>
                  {i.message}
                </Link>
              ) : (
                i.message
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
