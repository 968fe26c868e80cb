/**
 * The RAG's words say what the dates would give whenever a person's RAG differs from it, in either
 * direction, once: screens and exports show these words and add none of their own.
 */
import { actionRag } from '../../electron/core/facts/action-rag';

const action = { status: 'on_track', dueOn: '2021-03-31', revisedDueOn: null };

test('a reported RAG kinder than the dates: the dates are named', () => {
  const r = actionRag(action, [], [{ id: 1, reportedOn: '2021-05-01', status: 'on_track', rag: 'green' }], '2021-05-02');
  expect(r.rag).toBe('green');
  expect(r.sourceWords).toContain('Worked out from the dates it would be Red: Due 31/03/2021 and not complete.');
  expect(r.sourceWords.match(/Worked out from the dates/g)).toHaveLength(1);
});

test('a reported RAG harsher than the dates: the dates are named too', () => {
  const r = actionRag(action, [], [{ id: 1, reportedOn: '2021-01-10', status: 'on_track', rag: 'red' }], '2021-01-11');
  expect(r.rag).toBe('red');
  expect(r.sourceWords).toMatch(/Worked out from the dates it would be Green: /);
});

test('a reported RAG the same as the dates says nothing more', () => {
  const r = actionRag(action, [], [{ id: 1, reportedOn: '2021-01-10', status: 'on_track', rag: 'green' }], '2021-01-11');
  expect(r.sourceWords).not.toContain('Worked out from the dates');
});
