/**
 * One pure function per fact a leader reads first (issue #13): data in, answer out, the as-of
 * date always a parameter. Read models and exports call these; none decides a fact itself.
 */
export * from './action-rag';
export * from './milestone-state';
export * from './indicator-position';
export * from './verdict-summary';
