import { describe, expect, it } from 'vitest';
import { findCycles, validateDefinition } from '../src/workflow/validate';
import { testRegistry } from './workflow-registry';

const DS = '5b0c2f1e-8f35-4d4e-9a52-0c3f6a1d2b7e';
const validate = (definition: unknown) => validateDefinition(definition, testRegistry);
const errorsOf = (definition: unknown) => {
  const result = validate(definition);
  if (result.ok) throw new Error('expected the definition to be refused');
  return result.errors;
};

const discovery = {
  parameters: [{ name: 'source', type: 'dataSource', required: true }, { name: 'threshold', type: 'number', default: 0.9 }],
  steps: [
    { id: 'scan', type: 'scan.run', config: { dataSourceId: '{{ params.source }}' } },
    { id: 'accept', type: 'classification.autoAccept', dependsOn: ['scan'], config: { dataSourceId: '{{ params.source }}', minConfidence: '{{ params.threshold }}' }, condition: 'steps.scan.labelsSuggested > 0' },
    { id: 'tell', type: 'notify', dependsOn: ['accept'], config: { title: 'Accepted {{ steps.accept.accepted }} labels (run {{ steps.scan.runId }})' } },
  ],
  triggers: { manual: true, cron: '0 3 * * *' },
};

describe('validateDefinition', () => {
  it('accepts a sound definition and fills in the defaults', () => {
    const result = validate(discovery);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.definition.steps[0]!.dependsOn).toEqual([]);
      expect(result.definition.triggers.webhook).toBe(false);
    }
  });

  it('reports shape errors with their path and step id', () => {
    const errors = errorsOf({ steps: [{ id: 'Bad Id', type: 'notify' }] });
    expect(errors[0]).toMatchObject({ path: 'steps[0].id', stepId: 'Bad Id' });
    expect(errorsOf({ steps: [] })[0]!.message).toBe('A workflow needs at least one step');
  });

  it('refuses a step id used twice', () => {
    const errors = errorsOf({ steps: [{ id: 'a', type: 'delay', config: { ms: 1 } }, { id: 'a', type: 'delay', config: { ms: 1 } }] });
    expect(errors).toEqual([{ path: 'steps[1].id', stepId: 'a', message: 'Step id "a" is used twice (steps 1 and 2); each step needs its own id' }]);
  });

  it('names an unknown step type and the closest known one', () => {
    const errors = errorsOf({ steps: [{ id: 'a', type: 'scna.run', config: { dataSourceId: DS } }] });
    expect(errors).toEqual([{ path: 'steps[0].type', stepId: 'a', message: 'Unknown step type "scna.run" — did you mean "scan.run"?' }]);
  });

  it('refuses unknown, self and repeated dependencies', () => {
    const errors = errorsOf({
      steps: [
        { id: 'scan', type: 'scan.run', config: { dataSourceId: DS } },
        { id: 'b', type: 'delay', config: { ms: 1 }, dependsOn: ['sacn', 'b', 'scan', 'scan'] },
      ],
    });
    expect(errors.map((e) => [e.path, e.message])).toEqual([
      ['steps[1].dependsOn[0]', 'Step "b" depends on "sacn", which is not a step of this workflow — did you mean "scan"?'],
      ['steps[1].dependsOn[1]', 'Step "b" depends on itself'],
      ['steps[1].dependsOn[3]', 'Step "b" lists "scan" twice in dependsOn'],
    ]);
  });

  it('names each cycle in order', () => {
    const errors = errorsOf({
      steps: [
        { id: 'a', type: 'delay', config: { ms: 1 }, dependsOn: ['b'] },
        { id: 'b', type: 'delay', config: { ms: 1 }, dependsOn: ['a'] },
        { id: 'c', type: 'delay', config: { ms: 1 }, dependsOn: ['e'] },
        { id: 'd', type: 'delay', config: { ms: 1 }, dependsOn: ['c'] },
        { id: 'e', type: 'delay', config: { ms: 1 }, dependsOn: ['d'] },
      ],
    });
    expect(errors.map((e) => e.message)).toEqual(['Steps a → b → a form a cycle', 'Steps c → d → e → c form a cycle']);
    expect(findCycles([{ id: 'x', dependsOn: [] }, { id: 'y', dependsOn: ['x'] }])).toEqual([]);
  });

  it("checks each step's config against its type, skipping values that are templates", () => {
    const errors = errorsOf({
      parameters: [{ name: 'min', type: 'number' }],
      steps: [
        { id: 'scan', type: 'scan.run', config: { dataSourceId: DS } },
        { id: 'ok', type: 'classification.autoAccept', dependsOn: ['scan'], config: { dataSourceId: '{{ params.min }}', minConfidence: '{{ params.min }}' } },
        { id: 'bad', type: 'classification.autoAccept', dependsOn: ['scan'], config: { dataSourceId: DS, minConfidence: 1.5, extra: true } },
      ],
    });
    expect(errors.map((e) => e.path).sort()).toEqual(['steps[2].config', 'steps[2].config.minConfidence']);
    expect(errors.find((e) => e.path === 'steps[2].config.minConfidence')).toMatchObject({ stepId: 'bad', message: expect.stringMatching(/<=1|1/) });
    expect(errors.find((e) => e.path === 'steps[2].config')!.message).toMatch(/extra/);
  });

  it('skips a union failure caused by a template only', () => {
    expect(validate({ parameters: [{ name: 'ds', type: 'dataSource' }], steps: [{ id: 'scan', type: 'scan.run', config: { dataSourceId: '{{ params.ds }}' } }] }).ok).toBe(true);
    expect(errorsOf({ steps: [{ id: 'scan', type: 'scan.run', config: {} }] })[0]).toMatchObject({ path: 'steps[0].config', message: 'Give dataSourceId or scanId' });
  });

  it('checks template references: parameters, dependencies, output fields, item', () => {
    const errors = errorsOf({
      parameters: [{ name: 'source', type: 'dataSource' }],
      steps: [
        { id: 'scan', type: 'scan.run', config: { dataSourceId: DS } },
        { id: 'other', type: 'scan.run', config: { dataSourceId: DS } },
        {
          id: 'tell',
          type: 'notify',
          dependsOn: ['scan'],
          config: { title: '{{ params.sourse }}', body: '{{ steps.scan.runid }} {{ steps.other.runId }} {{ steps.nope.x }} {{ item }} {{ steps.tell.notified }} {{ foo.bar }}' },
        },
      ],
    });
    expect(errors.map((e) => [e.path, e.message])).toEqual([
      ['steps[2].config.title', '"{{ params.sourse }}" names no parameter of this workflow — did you mean "source"?'],
      ['steps[2].config.body', '"{{ steps.scan.runid }}": a scan.run step has no output "runid" — did you mean "runId"?'],
      ['steps[2].config.body', '"{{ steps.other.runId }}": step "tell" reads "other" but does not depend on it; add "other" to its dependsOn (directly or through another step)'],
      ['steps[2].config.body', '"{{ steps.nope.x }}" names no step of this workflow'],
      ['steps[2].config.body', '"{{ item }}" is only available inside a forEach\'s step'],
      ['steps[2].config.body', '"{{ steps.tell.notified }}": a step cannot read its own output'],
      ['steps[2].config.body', '"{{ foo.bar }}" is not a template: use params.<name>, steps.<stepId>.<field>, item or item.<field>'],
    ]);
  });

  it('reads transitive dependencies, and item inside a forEach step', () => {
    const ok = validate({
      steps: [
        { id: 'scan', type: 'scan.run', config: { dataSourceId: DS } },
        { id: 'wait', type: 'delay', dependsOn: ['scan'], config: { ms: 5 } },
        { id: 'each', type: 'forEach', dependsOn: ['wait'], config: { items: ['a', 'b'], step: { type: 'notify', config: { title: 'Run {{ steps.scan.runId }} item {{ item.name }}' } } } },
      ],
    });
    expect(ok).toMatchObject({ ok: true });
  });

  it("validates a forEach's nested step type and config", () => {
    const errors = errorsOf({
      steps: [
        { id: 'a', type: 'forEach', config: { items: [], step: { type: 'notfy', config: {} } } },
        { id: 'b', type: 'forEach', config: { items: '{{ item }}', step: { type: 'notify', config: { title: '' } } } },
      ],
    });
    expect(errors.map((e) => [e.path, e.message])).toEqual([
      ['steps[0].config.step.type', 'Unknown step type "notfy" — did you mean "notify"?'],
      ['steps[1].config.step.config.title', expect.stringMatching(/>=1|1/)],
      ['steps[1].config.items', '"{{ item }}" is only available inside a forEach\'s step'],
    ]);
  });

  it("reports a condition's parse error with its position", () => {
    const errors = errorsOf({
      steps: [
        { id: 'scan', type: 'scan.run', config: { dataSourceId: DS } },
        { id: 'tell', type: 'notify', dependsOn: ['scan'], config: { title: 'x' }, condition: 'steps.scan.labelsSugested > 0' },
      ],
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ path: 'steps[1].condition', stepId: 'tell' });
    expect(errors[0]!.message).toMatch(/^Condition of step "tell": Unknown field "steps.scan.labelsSugested" at 1:1/);
    expect(errors[0]!.message).toContain('steps.scan.labelsSuggested');
  });

  it('refuses a condition over a step that is not a dependency', () => {
    const errors = errorsOf({
      steps: [
        { id: 'scan', type: 'scan.run', config: { dataSourceId: DS } },
        { id: 'tell', type: 'notify', config: { title: 'x' }, condition: 'steps.scan.status == "succeeded"' },
      ],
    });
    expect(errors[0]!.message).toMatch(/Unknown field "steps.scan.status"/);
  });

  it('checks the cron expression', () => {
    const base = { steps: [{ id: 'a', type: 'delay', config: { ms: 1 } }] };
    expect(validate({ ...base, triggers: { cron: '*/15 * * * *' } }).ok).toBe(true);
    expect(errorsOf({ ...base, triggers: { cron: '0 0 * * * *' } })).toEqual([
      { path: 'triggers.cron', message: '"0 0 * * * *" has 6 fields; a cron expression has five: minute hour day-of-month month day-of-week' },
    ]);
    const bad = errorsOf({ ...base, triggers: { cron: '61 * * * *' } });
    expect(bad[0]).toMatchObject({ path: 'triggers.cron', message: expect.stringMatching(/^"61 \* \* \* \*" is not a valid cron expression: /) });
  });

  it('checks the event condition and that some trigger is on', () => {
    const base = { steps: [{ id: 'a', type: 'delay', config: { ms: 1 } }] };
    expect(validate({ ...base, triggers: { event: { type: 'scan.run.succeeded', condition: 'event.dataSourceId == "x"' } } }).ok).toBe(true);
    expect(errorsOf({ ...base, triggers: { event: { type: 'scan.run.succeeded', condition: 'event.source == "x"' } } })[0]).toMatchObject({
      path: 'triggers.event.condition',
      message: expect.stringMatching(/^Event condition: Unknown field "event.source" at 1:1/),
    });
    expect(errorsOf({ ...base, triggers: { manual: false } })).toEqual([{ path: 'triggers', message: expect.stringMatching(/no trigger/) }]);
  });

  it('checks parameter defaults and names', () => {
    const errors = errorsOf({
      steps: [{ id: 'a', type: 'delay', config: { ms: 1 } }],
      parameters: [
        { name: 'n', type: 'number', default: 'ten' },
        { name: 'flag', type: 'boolean', default: 1 },
        { name: 'n', type: 'string' },
      ],
    });
    expect(errors).toEqual([
      { path: 'parameters[0].default', message: 'Parameter "n" is a number, so its default must be a number (got "ten")' },
      { path: 'parameters[1].default', message: 'Parameter "flag" is a boolean, so its default must be a boolean (got 1)' },
      { path: 'parameters[2].name', message: 'Parameter "n" is declared twice' },
    ]);
  });
});
