import { describe, expect, it } from 'vitest';
import { workflowDefinitionSchema } from './definition';
import { checkTemplatePath, conditionFields, evaluateStepCondition, parseStepCondition, resolveTemplates, templateRefs, TemplateError, transitiveDependencies } from './expressions';

const scope = {
  params: { sourceId: 'ds-1', threshold: 0.8, dryRun: false },
  outputs: { scan: { runId: 'r-9', tablesDone: 12, labels: ['PII', 'Email'] }, list: { items: [{ id: 'a' }, { id: 'b' }] } },
};

describe('templateRefs', () => {
  it('lists every referenced path once, in order, at any depth', () => {
    const config = { a: '{{ params.sourceId }}', b: ['x {{steps.scan.runId}} y {{ params.sourceId }}'], c: { d: '{{ item.name }}', e: 3 } };
    expect(templateRefs(config)).toEqual(['params.sourceId', 'steps.scan.runId', 'item.name']);
  });
  it('finds nothing in plain values', () => {
    expect(templateRefs({ a: 'no template', b: 1, c: null, d: '{ single }' })).toEqual([]);
  });
});

describe('checkTemplatePath', () => {
  it('accepts the three roots and refuses others with a message', () => {
    expect(checkTemplatePath('params.x')).toBeNull();
    expect(checkTemplatePath('steps.a.b')).toBeNull();
    expect(checkTemplatePath('item')).toBeNull();
    expect(checkTemplatePath('item.x.0')).toBeNull();
    expect(checkTemplatePath('env.HOME')).toMatch(/not a template/);
    expect(checkTemplatePath('steps.a')).toMatch(/steps.<stepId>.<field>/);
    expect(checkTemplatePath('params')).toMatch(/parameter name/);
  });
});

describe('resolveTemplates', () => {
  it('keeps the raw value of an exact template', () => {
    expect(resolveTemplates('{{ params.threshold }}', scope)).toBe(0.8);
    expect(resolveTemplates('{{ steps.scan.labels }}', scope)).toEqual(['PII', 'Email']);
    expect(resolveTemplates('{{params.dryRun}}', scope)).toBe(false);
    expect(resolveTemplates('{{ steps.list.items.1.id }}', scope)).toBe('b');
  });
  it('interpolates text when the template is part of a string', () => {
    expect(resolveTemplates('Scan {{ steps.scan.runId }}: {{ steps.scan.tablesDone }} tables', scope)).toBe('Scan r-9: 12 tables');
    expect(resolveTemplates('labels {{ steps.scan.labels }}', scope)).toBe('labels ["PII","Email"]');
    expect(resolveTemplates('missing [{{ params.nope }}]', scope)).toBe('missing []');
  });
  it('walks arrays and objects and drops keys that resolve to nothing', () => {
    expect(resolveTemplates({ ids: ['{{ params.sourceId }}', 'x'], opt: '{{ params.nope }}', n: 5 }, scope)).toEqual({ ids: ['ds-1', 'x'], n: 5 });
  });
  it('reads a forEach item', () => {
    expect(resolveTemplates({ id: '{{ item.id }}', all: '{{ item }}' }, { ...scope, item: { id: 'z' } })).toEqual({ id: 'z', all: { id: 'z' } });
  });
  it('refuses an item outside a forEach and an unknown root', () => {
    expect(() => resolveTemplates('{{ item }}', scope)).toThrow(TemplateError);
    expect(() => resolveTemplates('{{ process.env }}', scope)).toThrow(/not a template/);
  });
  it('does not reach the prototype', () => {
    expect(resolveTemplates('{{ params.constructor }}', scope)).toBeUndefined();
  });
});

const definition = workflowDefinitionSchema.parse({
  parameters: [
    { name: 'sourceId', type: 'dataSource', required: true },
    { name: 'threshold', type: 'number' },
  ],
  steps: [
    { id: 'scan', type: 'scan.run' },
    { id: 'accept', type: 'classification.autoAccept', dependsOn: ['scan'] },
    { id: 'other', type: 'scan.run' },
    { id: 'notify', type: 'notify', dependsOn: ['accept'] },
  ],
});
const registry = {
  'scan.run': { output: { runId: { type: 'string', description: '' }, tablesDone: { type: 'number', description: '' }, labels: { type: 'list', description: '' } } },
  'classification.autoAccept': { output: { accepted: { type: 'number', description: '' } } },
  notify: { output: {} },
} as const;

describe('conditionFields', () => {
  it('holds parameters and the outputs of transitive dependencies only', () => {
    const fields = conditionFields(definition, 'notify', registry);
    expect(Object.keys(fields).sort()).toEqual(['params.sourceId', 'params.threshold', 'steps.accept.accepted', 'steps.scan.labels', 'steps.scan.runId', 'steps.scan.tablesDone']);
    expect(fields['params.sourceId']!.type).toBe('string');
    expect(fields['params.threshold']!.type).toBe('number');
    expect(transitiveDependencies(definition, 'notify')).toEqual(['scan', 'accept']);
    expect(transitiveDependencies(definition, 'scan')).toEqual([]);
  });
});

describe('step conditions', () => {
  const fields = conditionFields(definition, 'notify', registry);
  it('parse against the table and refuse a step that is not a dependency', () => {
    expect(parseStepCondition('steps.accept.accepted > 0', fields).ok).toBe(true);
    const bad = parseStepCondition('steps.other.runId == "x"', fields);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/steps.other.runId/);
    expect(parseStepCondition('steps.accept.accepted > "x"', fields).ok).toBe(false);
  });
  it('evaluate over params and outputs', () => {
    const eval_ = (src: string, outputs: Record<string, Record<string, unknown>>) => {
      const p = parseStepCondition(src, fields);
      if (!p.ok) throw new Error(p.error.message);
      return evaluateStepCondition(p.ast, { params: { sourceId: 'ds-1', threshold: 0.5 }, outputs });
    };
    expect(eval_('steps.accept.accepted > 0', { accept: { accepted: 3 } })).toBe(true);
    expect(eval_('steps.accept.accepted > 0', { accept: { accepted: 0 } })).toBe(false);
    // A skipped dependency has no output: its fields read as null, so comparisons are false.
    expect(eval_('steps.accept.accepted > 0', {})).toBe(false);
    expect(eval_('steps.accept.accepted == null', {})).toBe(true);
    expect(eval_('steps.scan.labels has "PII" and steps.scan.labels.count == 2', { scan: { labels: ['PII', 'Email'] } })).toBe(true);
    expect(eval_('params.threshold >= 0.5 and params.sourceId == "ds-1"', {})).toBe(true);
  });
});
