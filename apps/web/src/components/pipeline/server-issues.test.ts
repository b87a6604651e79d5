import { describe, expect, it } from 'vitest';
import { issuesByPath, issuesUnder } from './server-issues';

describe('issuesByPath', () => {
  it('splits the summary into paths without the prefix', () => {
    const issues = issuesByPath(
      'Invalid input: definition.stages.0.batchSize: Too big: expected number to be <=500; definition.stages.1.id: Stage id "a" is used twice; stage ids must be unique',
      'definition.',
    );
    expect(issues).toEqual({
      'stages.0.batchSize': 'Too big: expected number to be <=500',
      'stages.1.id': 'Stage id "a" is used twice; stage ids must be unique',
    });
    expect(issuesUnder(issues, 'stages.1')).toEqual({
      id: 'Stage id "a" is used twice; stage ids must be unique',
    });
  });

  it('keeps a message that is not a zod summary under the empty path', () => {
    expect(issuesByPath('Pipeline not found')).toEqual({ '': 'Pipeline not found' });
  });
});
