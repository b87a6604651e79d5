/**
 * The kinds of notification Racine sends, with what the preferences page
 * calls them. Senders pass one of these as `draft.kind`; a kind missing here
 * still works (it follows the "*" default) but cannot be tuned on its own.
 */
export const notificationKinds = [
  { kind: 'mention', label: 'Mentions', description: 'Someone @mentioned you in a comment.' },
  { kind: 'comment.reply', label: 'Replies', description: 'Someone replied to a comment of yours.' },
  { kind: 'task.assigned', label: 'Tasks assigned to you', description: 'A task on an asset, finding or other resource was assigned to you.' },
  { kind: 'task', label: 'Approvals', description: 'A workflow is waiting for your approval.' },
  { kind: 'workflow', label: 'Workflow messages', description: 'A workflow’s notify step addressed you.' },
  { kind: 'access.requested', label: 'Access requests to review', description: 'Someone asked for a role at a scope you approve for.' },
  { kind: 'access.decided', label: 'Access decisions', description: 'Your access request was approved or rejected.' },
  { kind: 'access.expiring', label: 'Access ending soon', description: 'A time-bound access of yours ends within a day.' },
  { kind: 'access.expired', label: 'Access ended', description: 'A time-bound access of yours has ended.' },
  { kind: 'guest.accepted', label: 'Guest invitations accepted', description: 'An external collaborator you invited accepted.' },
  { kind: 'attestation.due', label: 'Attestations due', description: 'A policy you must attest to is due or overdue.' },
  { kind: 'finding.assigned', label: 'Findings assigned to you', description: 'A compliance finding was assigned to you.' },
  { kind: 'document.mention', label: 'Document mentions', description: 'Someone mentioned you in a shared document.' },
  { kind: 'insight', label: 'Insights', description: 'A new high or critical anomaly or forecast about something you may see.' },
] as const;

export type NotificationKind = (typeof notificationKinds)[number]['kind'];
export const notificationKindKeys = notificationKinds.map((k) => k.kind) as [NotificationKind, ...NotificationKind[]];

/** The row of preferences that applies to every kind without its own. */
export const defaultKindKey = '*';

export const emailDeliveries = ['off', 'immediate', 'daily'] as const;
export type EmailDelivery = (typeof emailDeliveries)[number];

export interface ChannelPreference {
  inApp: boolean;
  email: EmailDelivery;
}

/** What applies when a user has set nothing: in the app, and an email at once. */
export const builtInPreference: ChannelPreference = { inApp: true, email: 'immediate' };

export const kindLabel = (kind: string) => notificationKinds.find((k) => k.kind === kind)?.label ?? kind;
