import { describe, expect, it } from 'vitest';
import { stepTypeCatalog } from './step-catalog';
import { stepTypes } from './steps/index';

describe('the step type catalog', () => {
  it('has a JSON Schema for every registered step type', () => {
    const catalog = stepTypeCatalog();
    expect(catalog.map((t) => t.type).sort()).toEqual(Object.keys(stepTypes).sort());
    for (const info of catalog) {
      expect(info.configSchema, info.type).toMatchObject({ type: 'object' });
      expect(JSON.parse(JSON.stringify(info.configSchema)), `${info.type} is plain JSON`).toEqual(info.configSchema);
    }
  });

  it("describes a config's fields with their constraints, defaults optional", () => {
    const accept = stepTypeCatalog().find((t) => t.type === 'classification.autoAccept')!;
    const props = accept.configSchema.properties as Record<string, Record<string, unknown>>;
    expect(props.minConfidence).toMatchObject({ type: 'number', minimum: 0, maximum: 1 });
    expect(accept.output.accepted).toMatchObject({ type: 'number' });
  });
});
