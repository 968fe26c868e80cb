/** The /search route: the search page wired to the app's client and router. */
import { useApi } from '../../api/api-context';
import type { ScreenProps } from '../../app/route-types';
import { navigate } from '../../app/router';
import { Page } from '../../components/page';
import { SearchPage } from './search-page';

export default function SearchScreen({ query }: ScreenProps) {
  const { client } = useApi();
  return (
    <Page title="Search" subtitle="Evidence, files, findings, actions, indicators and self-evaluation text.">
      <SearchPage key={query.get('q') ?? ''} client={client} navigate={(p) => navigate(p)} initialQuery={query.get('q') ?? ''} />
    </Page>
  );
}
