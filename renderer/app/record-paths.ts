/** Where a record of each kind opens, as an in-app path (null when it has no page of its own). */
const PATHS: Record<string, (id: number) => string> = {
  evidence: (id) => `/evidence/${id}`,
  finding: (id) => `/findings/${id}`,
  priority: (id) => `/priorities/${id}`,
  action: (id) => `/actions/${id}`,
  indicator: (id) => `/indicators/${id}`,
  // Search calls SEF sections "section"; evidence links call them "sefSection".
  section: (id) => `/sections/${id}`,
  sefSection: (id) => `/sections/${id}`,
  person: () => '/settings',
};

export function recordPath(kind: string, id: number): string | null {
  return PATHS[kind]?.(id) ?? null;
}
