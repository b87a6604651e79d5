/**
 * Ready-made workflows the builder starts from. Each is a plain definition
 * (validated by the unit test against the real registry), laid out left to
 * right for the canvas.
 */
import type { WorkflowDefinitionInput } from './definition';

export interface WorkflowTemplate {
  key: string;
  name: string;
  description: string;
  definition: WorkflowDefinitionInput;
}

const at = (column: number, row = 0) => ({ x: column * 260, y: row * 140 });
const THREE_DAYS = 3 * 86_400_000;
const dataSourceParam = { name: 'dataSource', label: 'Data source', type: 'dataSource', required: true, description: 'A data source of this workspace' } as const;

export const workflowTemplates: readonly WorkflowTemplate[] = [
  {
    key: 'data-discovery',
    name: 'Data discovery',
    description: 'Scan a source, accept its high-confidence labels, evaluate compliance, have an admin review the result, tag the PII assets as reviewed and tell whoever started it.',
    definition: {
      parameters: [dataSourceParam],
      triggers: { manual: true, webhook: false },
      steps: [
        { id: 'scan', name: 'Scan the source', type: 'scan.run', config: { dataSourceId: '{{ params.dataSource }}' }, position: at(0) },
        { id: 'accept', name: 'Accept confident labels', type: 'classification.autoAccept', config: { dataSourceId: '{{ params.dataSource }}', minConfidence: 0.9 }, dependsOn: ['scan'], position: at(1) },
        { id: 'evaluate', name: 'Evaluate compliance', type: 'compliance.evaluate', config: { dataSourceId: '{{ params.dataSource }}' }, dependsOn: ['accept'], position: at(2) },
        {
          id: 'review',
          name: 'Admin review',
          type: 'approval',
          config: {
            title: 'Review the data discovered',
            description: 'The scan suggested {{ steps.scan.labelsSuggested }} labels on {{ steps.scan.columnsClassified }} columns; {{ steps.accept.accepted }} were accepted automatically. Compliance: {{ steps.evaluate.failures }} failing checks, score {{ steps.evaluate.score }}. Approve to tag the PII assets as reviewed.',
            assigneeRole: 'admin',
            timeoutMs: THREE_DAYS,
            onReject: 'fail',
          },
          dependsOn: ['evaluate'],
          position: at(3),
        },
        { id: 'tag', name: 'Tag PII as reviewed', type: 'catalog.tag', config: { dataSourceId: '{{ params.dataSource }}', labels: ['PII.*'], add: ['pii-reviewed'] }, dependsOn: ['review'], position: at(4) },
        {
          id: 'notify',
          name: 'Tell the starter',
          type: 'notify',
          config: {
            title: 'Data discovery finished',
            body: '{{ steps.accept.accepted }} labels accepted, {{ steps.evaluate.failures }} failing compliance checks ({{ steps.evaluate.opened }} new findings), {{ steps.tag.changed }} PII assets tagged pii-reviewed. Approved by {{ steps.review.decidedBy }}.',
            toStarter: true,
          },
          dependsOn: ['tag'],
          position: at(5),
        },
      ],
    },
  },
  {
    key: 'compliance-audit',
    name: 'Compliance audit',
    description: 'Evaluate every enabled framework on every source of the workspace; if any check fails, notify the workspace admins.',
    definition: {
      triggers: { manual: true, webhook: false },
      steps: [
        { id: 'evaluate', name: 'Evaluate every framework', type: 'compliance.evaluate', config: {}, position: at(0) },
        {
          id: 'alert',
          name: 'Alert the admins',
          type: 'notify',
          condition: 'steps.evaluate.failures > 0',
          config: { title: 'Compliance audit: {{ steps.evaluate.failures }} failing checks', body: '{{ steps.evaluate.frameworks }} frameworks, {{ steps.evaluate.checks }} checks, score {{ steps.evaluate.score }}; {{ steps.evaluate.opened }} findings opened, {{ steps.evaluate.resolved }} resolved.', role: 'admin' },
          dependsOn: ['evaluate'],
          position: at(1),
        },
      ],
    },
  },
  {
    key: 'pii-remediation',
    name: 'PII remediation with approval',
    description: 'Scan a source, then with an admin’s approval mark its PII columns as needing masking, give them an owner, and tell the workspace.',
    definition: {
      parameters: [dataSourceParam, { name: 'owner', label: 'Owner of the PII columns', type: 'user', required: true }],
      triggers: { manual: true, webhook: false },
      steps: [
        { id: 'scan', name: 'Scan the source', type: 'scan.run', config: { dataSourceId: '{{ params.dataSource }}' }, position: at(0) },
        {
          id: 'approve',
          name: 'Approve remediation',
          type: 'approval',
          config: { title: 'Mark the PII columns as needing masking', description: 'The scan found {{ steps.scan.labelsSuggested }} new labels. Approve to tag the PII columns masked-required and assign their owner.', assigneeRole: 'admin', timeoutMs: THREE_DAYS },
          dependsOn: ['scan'],
          position: at(1),
        },
        { id: 'tag', name: 'Tag masked-required', type: 'catalog.tag', config: { dataSourceId: '{{ params.dataSource }}', labels: ['PII.*'], types: ['column'], add: ['masked-required'] }, dependsOn: ['approve'], position: at(2, 0) },
        { id: 'owner', name: 'Assign the owner', type: 'catalog.setOwner', config: { dataSourceId: '{{ params.dataSource }}', labels: ['PII.*'], types: ['column'], ownerId: '{{ params.owner }}' }, dependsOn: ['approve'], position: at(2, 1) },
        {
          id: 'notify',
          name: 'Tell the workspace',
          type: 'notify',
          config: { title: 'PII remediation approved', body: '{{ steps.tag.changed }} columns tagged masked-required, {{ steps.owner.changed }} given an owner.', toMembers: true },
          dependsOn: ['tag', 'owner'],
          position: at(3),
        },
      ],
    },
  },
  {
    key: 'nightly-rescan',
    name: 'Nightly rescan of a workspace',
    description: 'Every night at 02:00 UTC, rescan each source of the workspace (two at a time), evaluate compliance, and report to the admins.',
    definition: {
      triggers: { manual: true, cron: '0 2 * * *', webhook: false },
      steps: [
        { id: 'sources', name: 'List the sources', type: 'workspace.dataSources', config: {}, position: at(0) },
        { id: 'rescan', name: 'Rescan each source', type: 'forEach', config: { items: '{{ steps.sources.ids }}', concurrency: 2, step: { type: 'scan.run', config: { dataSourceId: '{{ item }}' } } }, dependsOn: ['sources'], position: at(1) },
        { id: 'evaluate', name: 'Evaluate compliance', type: 'compliance.evaluate', config: {}, dependsOn: ['rescan'], position: at(2) },
        {
          id: 'report',
          name: 'Report to the admins',
          type: 'notify',
          config: { title: 'Nightly rescan: {{ steps.rescan.succeeded }} of {{ steps.rescan.count }} sources scanned', body: '{{ steps.evaluate.failures }} failing compliance checks (score {{ steps.evaluate.score }}); {{ steps.evaluate.opened }} findings opened, {{ steps.evaluate.resolved }} resolved.', role: 'admin' },
          dependsOn: ['evaluate'],
          position: at(3),
        },
      ],
    },
  },
];

export function workflowTemplate(key: string): WorkflowTemplate | undefined {
  return workflowTemplates.find((t) => t.key === key);
}
