/**
 * One step of the wizard: "Step 3 of 8", its heading (which takes focus when the step appears, so
 * keyboard and screen-reader users start there), the problem summary, the step's content, and
 * Back / Continue. Enter in a one-line field continues, as in every other form.
 */
import { Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import { ProblemSummary, type Problem } from './problem-summary';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '1100px' },
  count: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, textTransform: 'uppercase', letterSpacing: '0.04em' },
  h2: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0, outline: 'none', ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' } },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap', marginTop: tokens.spacingVerticalS },
});

export interface StepFrameProps {
  step: number;
  of: number;
  title: string;
  problem?: Problem | null;
  /** Bumped after each failed attempt, so the summary takes focus again. */
  failures?: number;
  children: ReactNode;
  /** The primary button; omitted on steps that move on by themselves (choosing the file). */
  next?: { label: string; onNext(): void; disabled?: boolean };
  onBack?: () => void;
  busy?: string | null;
  /** Extra buttons beside Continue (Cancel, Start again). */
  extra?: ReactNode;
  /** False for the first step on arrival: focus then stays on the page, which starts at its title. */
  focusHeading?: boolean;
}

/** What the wizard gives every step; the step adds its content and buttons. */
export type FrameProps = Omit<StepFrameProps, 'children' | 'next' | 'onBack'>;

export function StepFrame({ step, of, title, problem, failures = 0, children, next, onBack, busy, extra, focusHeading = true }: StepFrameProps) {
  const s = useStyles();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // A step that opens with a problem (sent back to fix an answer) leaves focus on its summary.
    if (focusHeading && !problem) heading.current?.focus();
  }, []);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (next && !next.disabled && !busy) next.onNext();
  };
  return (
    <form className={s.root} aria-labelledby={headingId} onSubmit={onSubmit} noValidate aria-busy={!!busy}>
      <p className={s.count}>
        Step {step} of {of}
      </p>
      <h2 id={headingId} ref={heading} tabIndex={-1} className={s.h2}>
        {title}
      </h2>
      {problem && <ProblemSummary problem={problem} failures={failures} />}
      {children}
      <div className={s.actions}>
        {next && (
          <Button type="submit" appearance="primary" disabled={next.disabled || !!busy}>
            {next.label}
          </Button>
        )}
        {onBack && (
          <Button type="button" onClick={onBack} disabled={!!busy}>
            Back
          </Button>
        )}
        {extra}
        {busy && <Spinner size="tiny" label={busy} />}
      </div>
    </form>
  );
}
