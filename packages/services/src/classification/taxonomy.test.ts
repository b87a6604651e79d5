import { describe, expect, it } from 'vitest';
import { getLabel, LABELS, maxSensitivity, SENSITIVITY_LEVELS, sensitivityOfLabels, sensitivityRank } from './taxonomy';

describe('taxonomy', () => {
  it('orders levels Public < Internal < Confidential < Restricted', () => {
    expect(SENSITIVITY_LEVELS.map(sensitivityRank)).toEqual([0, 1, 2, 3]);
    expect(sensitivityRank('Secret')).toBe(-1);
  });

  it('rolls labels up to the highest level', () => {
    expect(maxSensitivity([])).toBe('Public');
    expect(maxSensitivity(['Internal', 'Restricted', 'Confidential'])).toBe('Restricted');
    expect(sensitivityOfLabels(['PII.PostalCode', 'PII.Email'])).toBe('Confidential');
    expect(sensitivityOfLabels(['PII.Email', 'PCI.CardNumber'])).toBe('Restricted');
    expect(sensitivityOfLabels(['Custom.Thing'])).toBe('Internal');
  });

  it('has unique ids, each under its category prefix, with a level and description', () => {
    const ids = LABELS.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const l of LABELS) {
      const prefix = l.category === 'GDPR-special' ? 'GDPR' : l.category;
      expect(l.id.startsWith(`${prefix}.`)).toBe(true);
      expect(l.description.length).toBeGreaterThan(10);
      expect(SENSITIVITY_LEVELS).toContain(l.sensitivity);
    }
    expect(getLabel('PCI.CardNumber')?.sensitivity).toBe('Restricted');
    expect(getLabel('Nope')).toBeUndefined();
  });
});
