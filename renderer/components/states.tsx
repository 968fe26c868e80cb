/** Loading, error and empty states that tell the officer what is happening and what to do next. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { ApiError } from '../../electron/contract/define';
import type { QueryState } from '../api/api-context';

const useStyles = makeStyles({
  empty: {
    border: `1px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalL,
    color: tokens.colorNeutralForeground2,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  emptyTitle: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1, margin: 0 },
  loading: { padding: tokens.spacingVerticalL, display: 'flex', justifyContent: 'flex-start' },
});

export function Loading({ label = 'Loading…' }: { label?: string }) {
  const s = useStyles();
  return (
    <div className={s.loading} role="status" data-loaded="false">
      <Spinner size="small" label={label} />
    </div>
  );
}

export function ErrorState({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{error.code === 'not_found' ? 'Not found' : 'Could not load this'}</MessageBarTitle>
        {error.message}
      </MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button onClick={onRetry}>Try again</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  const s = useStyles();
  return (
    <div className={s.empty}>
      <p className={s.emptyTitle}>{title}</p>
      {children && <p>{children}</p>}
      {action}
    </div>
  );
}

/** Renders a query's loading and error states, and its data through `children`. */
export function QueryView<T>({ query, label, children }: { query: QueryState<T>; label?: string; children: (data: T) => ReactNode }) {
  if (query.status === 'loading') return <Loading label={label} />;
  if (query.status === 'error') return <ErrorState error={query.error} onRetry={query.reload} />;
  // data-loaded marks real content for tests and the benchmark (issue #17), whatever the spinner said.
  return (
    <div data-loaded="true" style={{ display: 'contents' }}>
      {children(query.data)}
    </div>
  );
}
