/** Choices for <select>s that come from the workbook (people, partners). */
import { useQuery } from '../api/api-context';
import type { Option } from './form-fields';

export function usePeopleOptions(): Option[] {
  const people = useQuery('person:list', { limit: 500 });
  return people.status === 'ok' ? people.data.items.map((p) => ({ value: String(p.id), label: p.role ? `${p.name} (${p.role})` : p.name })) : [];
}

export function usePartnerOptions(): Option[] {
  const partners = useQuery('partner:list', { limit: 500 });
  return partners.status === 'ok' ? partners.data.items.map((p) => ({ value: String(p.id), label: p.name })) : [];
}
