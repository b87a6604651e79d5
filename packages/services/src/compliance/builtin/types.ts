import type { RuleTarget } from '../language';

export type Severity = 'low' | 'medium' | 'high' | 'critical';

export interface BuiltInRule {
  code: string;
  title: string;
  description: string;
  severity: Severity;
  target: RuleTarget;
  appliesWhen: string;
  requires: string;
  remediation: string;
}

export interface BuiltInFramework {
  key: string;
  name: string;
  description: string;
  version: string;
  rules: BuiltInRule[];
}

/** Tags that say a value is unreadable as stored. */
export const PROTECTED = '["masked", "tokenized", "encrypted"]';
