/** Where a search result opens, as an in-app path. */
import type { SearchResult } from '../../../electron/contract/groups/files';
import { recordPath } from '../../app/record-paths';

export function pathOf(result: Pick<SearchResult, 'openAt'>): string {
  return recordPath(result.openAt.type, result.openAt.id) ?? '/';
}
