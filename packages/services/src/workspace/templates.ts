import type { z } from 'zod';
import type { createWorkspaceInput } from './schemas';

type TemplateDefaults = Omit<z.input<typeof createWorkspaceInput>, 'name' | 'slug'>;

export interface WorkspaceTemplate {
  key: string;
  name: string;
  description: string;
  defaults: TemplateDefaults;
}

/** Starting points for common governance set-ups; the created workspace records which one it came from. */
export const workspaceTemplates: readonly WorkspaceTemplate[] = [
  {
    key: 'governance-team',
    name: 'Governance team',
    description: 'A production workspace for a data-governance team: stewards, owners and their sources.',
    defaults: {
      kind: 'team',
      environment: 'prod',
      description: 'Production governance: sources, scans and compliance for the team.',
      maxMembers: 50,
      maxResources: 1000,
      settings: { requireApprovalForLabelChanges: true, defaultSensitivity: 'Internal' },
    },
  },
  {
    key: 'compliance-audit',
    name: 'Compliance audit',
    description: 'A time-boxed audit space for compliance officers and external auditors.',
    defaults: {
      kind: 'team',
      environment: 'prod',
      description: 'Audit evidence, findings and attestations for one review period.',
      maxMembers: 15,
      maxResources: 200,
      settings: { complianceRelevant: true, frameworks: ['GDPR', 'SOC2'] },
    },
  },
  {
    key: 'discovery-sandbox',
    name: 'Discovery sandbox',
    description: 'A personal development space to try scans and rules before production.',
    defaults: {
      kind: 'personal',
      environment: 'dev',
      description: 'Personal sandbox for trying scans and rules.',
      maxMembers: 3,
      maxResources: 50,
      settings: {},
    },
  },
];

export const findTemplate = (key: string) => workspaceTemplates.find((t) => t.key === key);
