import {
  Ban,
  CheckCircle2,
  CircleDashed,
  CircleDot,
  Clock,
  Hourglass,
  Loader2,
  type LucideIcon,
  MinusCircle,
  PauseCircle,
  RotateCw,
  XCircle,
} from 'lucide-react';
import type { BadgeProps } from '@racine/ui';

/*
 * One place for how a workflow execution or step run status looks: its label, icon, badge
 * variant and the classes a DAG node, a Gantt bar or a legend swatch take. Every class is a
 * theme token (success, info, warning, destructive, muted), so light and dark follow the theme.
 */

// Mirrors the ExecutionStatus and StepRunStatus enums of packages/db/prisma/schema.prisma.
export const executionStatuses = [
  'queued',
  'running',
  'paused',
  'succeeded',
  'failed',
  'cancelled',
] as const;
export type ExecutionStatus = (typeof executionStatuses)[number];

export const stepRunStatuses = [
  'pending',
  'ready',
  'running',
  'waiting',
  'retrying',
  'succeeded',
  'failed',
  'skipped',
  'cancelled',
] as const;
export type StepRunStatus = (typeof stepRunStatuses)[number];

export interface StatusStyle {
  label: string;
  /** A sentence for tooltips and legends. */
  description: string;
  icon: LucideIcon;
  /** The icon turns (work in progress). */
  spin: boolean;
  badge: NonNullable<BadgeProps['variant']>;
  /** Border + background of a graph node. */
  node: string;
  /** Solid fill: Gantt bars, legend swatches, progress segments. */
  fill: string;
  /** Text colour for the icon or a count. */
  text: string;
  /** The same colour as a CSS value (SVG strokes, gradients, minimaps). */
  color: string;
  /** Still moving: a live view keeps watching. */
  active: boolean;
  /** Final: will not change any more. */
  terminal: boolean;
}

const tone = {
  neutral: {
    node: 'border-border bg-card',
    fill: 'bg-muted-foreground/40',
    text: 'text-muted-foreground',
    color: 'var(--muted-foreground)',
  },
  info: {
    node: 'border-info/60 bg-info/10',
    fill: 'bg-info',
    text: 'text-info',
    color: 'var(--info)',
  },
  success: {
    node: 'border-success/60 bg-success/10',
    fill: 'bg-success',
    text: 'text-success',
    color: 'var(--success)',
  },
  warning: {
    node: 'border-warning/80 bg-warning/15',
    fill: 'bg-warning',
    text: 'text-amber-600 dark:text-amber-400',
    color: 'var(--warning)',
  },
  danger: {
    node: 'border-destructive/60 bg-destructive/10',
    fill: 'bg-destructive',
    text: 'text-destructive',
    color: 'var(--destructive)',
  },
} as const;

export const stepStatusStyle: Record<StepRunStatus, StatusStyle> = {
  pending: {
    label: 'Pending',
    description: 'Waiting for the steps it depends on',
    icon: CircleDashed,
    spin: false,
    badge: 'secondary',
    ...tone.neutral,
    node: 'border-dashed border-border bg-card',
    active: true,
    terminal: false,
  },
  ready: {
    label: 'Ready',
    description: 'Dispatched, waiting for a worker',
    icon: CircleDot,
    spin: false,
    badge: 'info',
    ...tone.info,
    node: 'border-dashed border-info/60 bg-info/5',
    fill: 'bg-info/50',
    active: true,
    terminal: false,
  },
  running: {
    label: 'Running',
    description: 'A worker is running it',
    icon: Loader2,
    spin: true,
    badge: 'info',
    ...tone.info,
    active: true,
    terminal: false,
  },
  waiting: {
    label: 'Waiting',
    description: 'Parked until something happens: an approval, a delay, a scan to finish',
    icon: Hourglass,
    spin: false,
    badge: 'warning',
    ...tone.warning,
    active: true,
    terminal: false,
  },
  retrying: {
    label: 'Retrying',
    description: 'An attempt failed; it will be retried',
    icon: RotateCw,
    spin: false,
    badge: 'warning',
    ...tone.warning,
    node: 'border-dashed border-warning/80 bg-warning/10',
    active: true,
    terminal: false,
  },
  succeeded: {
    label: 'Succeeded',
    description: 'Finished successfully',
    icon: CheckCircle2,
    spin: false,
    badge: 'success',
    ...tone.success,
    active: false,
    terminal: true,
  },
  failed: {
    label: 'Failed',
    description: 'Failed after its last attempt',
    icon: XCircle,
    spin: false,
    badge: 'destructive',
    ...tone.danger,
    active: false,
    terminal: true,
  },
  skipped: {
    label: 'Skipped',
    description: 'Its condition was false, or a step it depends on did not succeed',
    icon: MinusCircle,
    spin: false,
    badge: 'outline',
    ...tone.neutral,
    node: 'border-dashed border-muted-foreground/40 bg-muted/50 opacity-70',
    fill: 'bg-muted-foreground/25',
    active: false,
    terminal: true,
  },
  cancelled: {
    label: 'Cancelled',
    description: 'Cancelled before it finished',
    icon: Ban,
    spin: false,
    badge: 'secondary',
    ...tone.neutral,
    node: 'border-muted-foreground/50 bg-muted',
    fill: 'bg-muted-foreground/60',
    active: false,
    terminal: true,
  },
};

export const executionStatusStyle: Record<ExecutionStatus, StatusStyle> = {
  queued: {
    label: 'Queued',
    description: 'Waiting for a free slot (workspace or workflow concurrency limit)',
    icon: Clock,
    spin: false,
    badge: 'secondary',
    ...tone.neutral,
    active: true,
    terminal: false,
  },
  running: {
    label: 'Running',
    description: 'Steps are running',
    icon: Loader2,
    spin: true,
    badge: 'info',
    ...tone.info,
    active: true,
    terminal: false,
  },
  paused: {
    label: 'Paused',
    description: 'Paused: running steps finish, no new step starts until resumed',
    icon: PauseCircle,
    spin: false,
    badge: 'warning',
    ...tone.warning,
    active: true,
    terminal: false,
  },
  succeeded: {
    label: 'Succeeded',
    description: 'Every step succeeded or was skipped',
    icon: CheckCircle2,
    spin: false,
    badge: 'success',
    ...tone.success,
    active: false,
    terminal: true,
  },
  failed: {
    label: 'Failed',
    description: 'A step failed after its retries',
    icon: XCircle,
    spin: false,
    badge: 'destructive',
    ...tone.danger,
    active: false,
    terminal: true,
  },
  cancelled: {
    label: 'Cancelled',
    description: 'Cancelled by a user',
    icon: Ban,
    spin: false,
    badge: 'secondary',
    ...tone.neutral,
    fill: 'bg-muted-foreground/60',
    active: false,
    terminal: true,
  },
};

/** Unknown strings (a newer server) fall back to a neutral look instead of crashing. */
export function stepStyle(status: string): StatusStyle {
  return stepStatusStyle[status as StepRunStatus] ?? stepStatusStyle.pending;
}
export function executionStyle(status: string): StatusStyle {
  return executionStatusStyle[status as ExecutionStatus] ?? executionStatusStyle.queued;
}

export const isExecutionActive = (status: string | null | undefined) =>
  !!status && executionStyle(status).active;
