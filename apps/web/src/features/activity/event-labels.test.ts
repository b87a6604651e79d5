import { describe, expect, it } from 'vitest';
import { resourceLabel } from './event-labels';

const event = (over: Partial<Parameters<typeof resourceLabel>[0]>): Parameters<typeof resourceLabel>[0] => ({
  resourceType: 'datasource',
  resourceId: '6b7ce9f4-0000-4000-8000-000000000000',
  details: {},
  before: null,
  after: null,
  workspaceId: null,
  actorId: null,
  actorName: null,
  ...over,
});

describe('resourceLabel', () => {
  it('names the resource from what the event recorded: its name, its title, or the name stored beside a run’s id', () => {
    expect(resourceLabel(event({ after: { name: 'Demo shop' } }))).toBe('datasource Demo shop');
    expect(resourceLabel(event({ resourceType: 'kbArticle', details: { title: 'Reviewing PII labels' } }))).toBe('kbArticle Reviewing PII labels');
    expect(resourceLabel(event({ resourceType: 'complianceFramework', details: { frameworkName: 'GDPR', evaluationId: 'x' } }))).toBe('complianceFramework GDPR');
    expect(resourceLabel(event({ resourceType: 'scanRun', details: { scanName: 'Demo shop — all detectors' } }))).toBe('scanRun Demo shop — all detectors');
  });

  it('falls back to a short id, and reads a run’s name only for its own type', () => {
    expect(resourceLabel(event({ resourceType: 'userSession', details: { method: 'credentials' } }))).toBe('userSession 6b7ce9f4…');
    expect(resourceLabel(event({ resourceType: 'apiToken', details: { scanName: 'not this' } }))).toBe('apiToken 6b7ce9f4…');
    expect(resourceLabel(event({ resourceType: null }))).toBeNull();
  });
});
