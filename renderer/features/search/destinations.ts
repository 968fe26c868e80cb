/** Where a search result opens, as an in-app path. */
import type { SearchResult } from '../../../electron/contract/groups/files';

export function pathOf(result: Pick<SearchResult, 'openAt'>): string {
  const { type, id } = result.openAt;
  switch (type) {
    case 'evidence':
      return `/evidence/${id}`;
    case 'finding':
      return `/findings/${id}`;
    case 'priority':
      return `/priorities/${id}`;
    case 'action':
      return `/actions/${id}`;
    case 'section':
      return `/sections/${id}`;
    case 'indicator':
      return `/indicators/${id}`;
    case 'person':
      return '/settings';
  }
}
