/** The Ctrl+K palette mounted once in the app shell (see app/extensions.ts). */
import { useApi } from '../../api/api-context';
import { navigate } from '../../app/router';
import { SearchPalette } from './search-palette';

export default function SearchOverlay() {
  const { client } = useApi();
  return <SearchPalette client={client} navigate={(p) => navigate(p)} />;
}
