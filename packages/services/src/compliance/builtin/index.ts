/** The built-in frameworks, seeded idempotently by `syncBuiltInFrameworks`. */
import { ccpa } from './ccpa';
import { gdpr } from './gdpr';
import { hipaa } from './hipaa';
import { pciDss } from './pci-dss';
import { soc2 } from './soc2';
import type { BuiltInFramework } from './types';

export type { BuiltInFramework, BuiltInRule, Severity } from './types';
export const builtInFrameworks: readonly BuiltInFramework[] = [gdpr, hipaa, pciDss, soc2, ccpa];
