/** Zod inputs of the compliance services (client-safe: they also drive the web forms). */
import { z } from 'zod';
import { conditionError } from './check';
import { RULE_TARGETS } from './language';

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export const FINDING_STATUSES = ['open', 'acknowledged', 'resolved', 'waived'] as const;
export type FindingStatusValue = (typeof FINDING_STATUSES)[number];
export type SeverityValue = (typeof SEVERITIES)[number];

/** A condition in the compliance language; a parse error is reported on its field with line:column. */
const condition = (field: 'appliesWhen' | 'requires') =>
  z
    .string()
    .trim()
    .min(1, `${field}: write a condition (true for "always")`)
    .max(2000)
    .superRefine((src, ctx) => {
      const error = conditionError(field, src);
      if (error) ctx.addIssue({ code: 'custom', message: error });
    });

export const ruleInput = z.object({
  code: z.string().trim().min(1).max(60),
  title: z.string().trim().min(3).max(200),
  description: z.string().trim().max(2000).default(''),
  severity: z.enum(SEVERITIES),
  target: z.enum(RULE_TARGETS),
  appliesWhen: condition('appliesWhen').default('true'),
  requires: condition('requires'),
  remediation: z.string().trim().max(2000).default(''),
});
export type RuleInput = z.infer<typeof ruleInput>;

export const frameworkIdInput = z.object({ id: z.uuid('Not a framework id') });

export const createFrameworkInput = z.object({
  name: z.string().trim().min(2).max(100),
  description: z.string().trim().max(2000).default(''),
  rules: z
    .array(ruleInput)
    .max(200)
    .default([])
    .refine((rules) => new Set(rules.map((r) => r.code)).size === rules.length, 'rules: two rules share a code'),
});

export const updateFrameworkInput = z.object({
  id: z.uuid('Not a framework id'),
  name: z.string().trim().min(2).max(100).optional(),
  description: z.string().trim().max(2000).optional(),
  enabled: z.boolean().optional(),
});

export const createRuleInput = ruleInput.extend({ frameworkId: z.uuid('Not a framework id') });

export const updateRuleInput = z.object({
  id: z.uuid('Not a rule id'),
  code: z.string().trim().min(1).max(60).optional(),
  title: z.string().trim().min(3).max(200).optional(),
  description: z.string().trim().max(2000).optional(),
  severity: z.enum(SEVERITIES).optional(),
  target: z.enum(RULE_TARGETS).optional(),
  appliesWhen: condition('appliesWhen').optional(),
  requires: condition('requires').optional(),
  remediation: z.string().trim().max(2000).optional(),
  enabled: z.boolean().optional(),
});

export const testRuleInput = z.object({
  target: z.enum(RULE_TARGETS),
  appliesWhen: condition('appliesWhen').default('true'),
  requires: condition('requires'),
  dataSourceId: z.uuid().optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

export const evaluateInput = z.object({
  /** Every enabled framework when absent. */
  frameworkId: z.uuid().optional(),
  /** Only this source's assets (incremental); other sources' findings stay as they are. */
  dataSourceId: z.uuid().optional(),
});

export const listFindingsInput = z.object({
  frameworkId: z.uuid().optional(),
  ruleId: z.uuid().optional(),
  dataSourceId: z.uuid().optional(),
  assetId: z.uuid().optional(),
  status: z.array(z.enum(FINDING_STATUSES)).max(4).optional(),
  severity: z.array(z.enum(SEVERITIES)).max(4).optional(),
  assigneeId: z.union([z.uuid(), z.literal('me'), z.literal('none')]).optional(),
  /** Searches the asset's qualified name and the rule's code and title. */
  q: z.string().trim().max(200).optional(),
  limit: z.number().int().min(1).max(200).default(50),
  offset: z.number().int().min(0).max(100_000).default(0),
});

export const MAX_WAIVER_DAYS = 366;

export const updateFindingInput = z.object({
  id: z.uuid('Not a finding id'),
  status: z.enum(FINDING_STATUSES).optional(),
  assigneeId: z.uuid('Not a user id').nullable().optional(),
  dueAt: z.coerce.date().nullable().optional(),
  /** Required when waiving: why the risk is accepted (at least 10 characters). */
  waiverReason: z.string().trim().max(2000).optional(),
  /** Required when waiving: in the future, at most a year away. */
  waivedUntil: z.coerce.date().optional(),
  note: z.string().trim().max(2000).optional(),
});
export type UpdateFindingInput = z.infer<typeof updateFindingInput>;

export const postureInput = z.object({
  frameworkId: z.uuid().optional(),
  scope: z.object({ type: z.enum(['global', 'workspace', 'datasource']), id: z.uuid().optional() }).refine((s) => s.type === 'global' || s.id, 'scope.id: a workspace or data source id is required').optional(),
  days: z.number().int().min(1).max(365).default(30),
});

export const exportReportInput = z.object({
  frameworkId: z.uuid('Not a framework id'),
  format: z.enum(['csv', 'pdf']),
  /** The state of the findings at that moment; now when absent. */
  asOf: z.coerce.date().optional(),
});
