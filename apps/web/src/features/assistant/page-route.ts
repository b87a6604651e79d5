import type { PageContext } from './types';

const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const routes: {
  pattern: RegExp;
  key: 'assetId' | 'workspaceId' | 'dataSourceId' | 'frameworkId';
}[] = [
  { pattern: new RegExp(`^/catalog/assets/(${uuid})(?:/|$)`, 'i'), key: 'assetId' },
  { pattern: new RegExp(`^/workspaces/(${uuid})(?:/|$)`, 'i'), key: 'workspaceId' },
  { pattern: new RegExp(`^/datasources/(${uuid})(?:/|$)`, 'i'), key: 'dataSourceId' },
  { pattern: new RegExp(`^/compliance/frameworks/(${uuid})(?:/|$)`, 'i'), key: 'frameworkId' },
];

/** What a path is about, read from the route alone (pure, so it is testable and cheap). */
export function pageContextOf(path: string): PageContext {
  for (const { pattern, key } of routes) {
    const match = pattern.exec(path);
    if (match?.[1]) return { path, [key]: match[1].toLowerCase() };
  }
  return { path };
}
