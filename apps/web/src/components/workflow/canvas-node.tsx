'use client';
import { Handle, type Node, type NodeProps, Position } from '@xyflow/react';
import {
  Bell,
  Boxes,
  CircleAlert,
  Clock,
  GitFork,
  Hand,
  type LucideIcon,
  ScanSearch,
  ShieldCheck,
  Tags,
} from 'lucide-react';
import { cn } from '@racine/ui';
import { NODE_HEIGHT, NODE_WIDTH } from './builder-graph';
import { stepStyle } from './status-style';

export const groupIcon: Record<string, LucideIcon> = {
  scanning: ScanSearch,
  classification: Tags,
  compliance: ShieldCheck,
  catalog: Boxes,
  notification: Bell,
  human: Hand,
  control: GitFork,
};

export type StepNodeData = {
  stepId: string;
  name?: string;
  type: string;
  title: string;
  group: string;
  /** Problems validation found on this step. */
  issues: string[];
  /** Live status of the step run being watched, if any. */
  status?: string;
  /** On the critical path of the analysis. */
  critical: boolean;
  hasCondition: boolean;
  readOnly: boolean;
} & Record<string, unknown>;
export type StepFlowNode = Node<StepNodeData, 'step'>;

const handleClass = '!size-3 !border-2 !border-background !bg-muted-foreground hover:!bg-primary';

/**
 * One step on the canvas: its name, type and group icon; a red ring and count
 * when validation found problems; the border and fill of its live status
 * while an execution is watched; a ring on the critical path.
 */
export function StepNodeView({ data, selected }: NodeProps<StepFlowNode>) {
  const Icon = groupIcon[data.group] ?? GitFork;
  const live = data.status ? stepStyle(data.status) : null;
  const StatusIcon = live?.icon;
  return (
    <div
      className={cn(
        'flex flex-col justify-center gap-0.5 rounded-lg border-2 px-3 text-left shadow-xs transition-colors',
        live ? live.node : 'border-border bg-card',
        data.issues.length > 0 && 'border-destructive',
        data.critical && !live && 'border-primary',
        selected && 'ring-2 ring-ring ring-offset-2 ring-offset-background',
      )}
      style={{ width: NODE_WIDTH, height: NODE_HEIGHT }}
      data-testid="step-node"
      data-step-id={data.stepId}
      data-type={data.type}
      data-status={data.status}
      data-critical={data.critical || undefined}
      data-invalid={data.issues.length > 0 || undefined}
      title={data.issues.length ? data.issues.join('\n') : (live?.description ?? data.title)}
    >
      <Handle
        type="target"
        position={Position.Top}
        className={handleClass}
        isConnectable={!data.readOnly}
        data-testid="step-handle-in"
      />
      <div className="flex min-w-0 items-center gap-1.5">
        <Icon className="size-4 shrink-0 text-muted-foreground" aria-hidden />
        <span className="truncate text-sm font-medium text-foreground">{data.name || data.stepId}</span>
        {data.hasCondition ? (
          <span className="rounded bg-muted px-1 text-[10px] text-muted-foreground" title="Runs only when its condition holds">
            if
          </span>
        ) : null}
        <span className="ml-auto flex items-center gap-1">
          {data.issues.length ? (
            <span className="flex items-center gap-0.5 text-xs text-destructive" data-testid="step-node-issues">
              <CircleAlert className="size-3.5" aria-hidden />
              {data.issues.length}
            </span>
          ) : null}
          {StatusIcon ? (
            <StatusIcon className={cn('size-4', live!.text, live!.spin && 'animate-spin')} aria-label={live!.label} />
          ) : null}
          {data.critical ? (
            <Clock className="size-3.5 text-primary" aria-label="On the critical path" />
          ) : null}
        </span>
      </div>
      <div className="truncate font-mono text-[11px] text-muted-foreground">
        {data.type}
        {data.name ? ` · ${data.stepId}` : ''}
      </div>
      <Handle
        type="source"
        position={Position.Bottom}
        className={handleClass}
        isConnectable={!data.readOnly}
        data-testid="step-handle-out"
      />
    </div>
  );
}
