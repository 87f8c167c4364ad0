/** The app's screens as hash URLs; small enough that a router library would be overhead. */
export type Route =
  | { name: 'spotChecks' }
  | { name: 'spotCheck'; id: string }
  | { name: 'enterprises' }
  | { name: 'enterpriseNew' }
  | { name: 'enterprise'; id: string }
  | { name: 'cases' }
  | { name: 'case'; id: string }
  | { name: 'review' }
  | { name: 'settings' }
  | { name: 'sync' }
  | { name: 'verify' };

export type Section =
  'spotChecks' | 'enterprises' | 'cases' | 'review' | 'settings' | 'sync' | 'verify';

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [section, id] = parts;
  if (section === 'enterprises') {
    if (id === 'new') return { name: 'enterpriseNew' };
    return id ? { name: 'enterprise', id } : { name: 'enterprises' };
  }
  if (section === 'cases') return id ? { name: 'case', id } : { name: 'cases' };
  if (section === 'review') return { name: 'review' };
  if (section === 'settings') return { name: 'settings' };
  if (section === 'sync') return { name: 'sync' };
  if (section === 'verify') return { name: 'verify' };
  if (section === 'spot-checks' && id) return { name: 'spotCheck', id };
  return { name: 'spotChecks' };
}

export function routeHash(route: Route): string {
  switch (route.name) {
    case 'spotChecks':
      return '#/spot-checks';
    case 'spotCheck':
      return `#/spot-checks/${encodeURIComponent(route.id)}`;
    case 'enterprises':
      return '#/enterprises';
    case 'enterpriseNew':
      return '#/enterprises/new';
    case 'enterprise':
      return `#/enterprises/${encodeURIComponent(route.id)}`;
    case 'cases':
      return '#/cases';
    case 'case':
      return `#/cases/${encodeURIComponent(route.id)}`;
    case 'review':
      return '#/review';
    case 'settings':
      return '#/settings';
    case 'sync':
      return '#/sync';
    case 'verify':
      return '#/verify';
  }
}

/** Which sidebar entry a route belongs to. */
export function routeSection(route: Route): Section {
  if (route.name === 'spotCheck' || route.name === 'spotChecks') return 'spotChecks';
  if (route.name === 'case' || route.name === 'cases') return 'cases';
  if (route.name === 'review') return 'review';
  if (route.name === 'settings') return 'settings';
  if (route.name === 'sync') return 'sync';
  if (route.name === 'verify') return 'verify';
  return 'enterprises';
}
