import { describe, expect, it } from 'vitest';
import { workflowTemplates } from './templates';
import { validateDefinition } from './validate';

describe('workflow templates', () => {
  it('has the four templates, each valid against the real step registry', () => {
    expect(workflowTemplates.map((t) => t.key)).toEqual(['data-discovery', 'compliance-audit', 'pii-remediation', 'nightly-rescan']);
    for (const t of workflowTemplates) {
      const result = validateDefinition(t.definition);
      expect(result.ok ? [] : result.errors, t.key).toEqual([]);
    }
  });

  it('data discovery runs scan → accept → evaluate → review → tag → notify, in that order', () => {
    const steps = workflowTemplates[0]!.definition.steps;
    expect(steps.map((s) => s.type)).toEqual(['scan.run', 'classification.autoAccept', 'compliance.evaluate', 'approval', 'catalog.tag', 'notify']);
    for (let i = 1; i < steps.length; i++) expect(steps[i]!.dependsOn).toEqual([steps[i - 1]!.id]);
  });
});
