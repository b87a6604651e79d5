/**
 * Classification: detectors that label columns (PII.Email, PCI.CardNumber…)
 * from column names, types and sampled values, with explainable scores.
 * Pure code: no database, no I/O. See README.md.
 */
import type { Detector } from './detector';
import { builtInDetectors } from './detectors/index';
import type { LabelCategory, SensitivityLevel } from './taxonomy';
import { getLabel } from './taxonomy';

export * from './taxonomy';
export * from './column';
export * from './detector';
export * from './engine';
export * from './mask';
export * from './precision';
export * from './scoring';
export * from './lifecycle';
export * from './schemas';
export * from './custom';
export { builtInDetectors } from './detectors/index';
export * as validators from './validators/index';

export interface DetectorCatalogEntry {
  id: string;
  label: string;
  displayName: string;
  description: string;
  category: LabelCategory | undefined;
  sensitivity: SensitivityLevel;
  version: number;
  validation: string;
  allowedTypes: readonly string[];
  nameRequired: boolean | readonly string[];
}

/** What each detector labels and how, for the rule-set editor and the docs. */
export function detectorCatalog(detectors: readonly Detector[] = builtInDetectors): DetectorCatalogEntry[] {
  return detectors.map((d) => {
    const def = getLabel(d.label);
    return {
      id: d.id,
      label: d.label,
      displayName: def?.displayName ?? d.label,
      description: d.description,
      category: def?.category,
      sensitivity: d.sensitivity,
      version: d.version,
      validation: d.validation,
      allowedTypes: d.allowedTypes,
      nameRequired: d.nameRequired ?? false,
    };
  });
}
