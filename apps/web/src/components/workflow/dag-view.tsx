'use client';
import '@xyflow/react/dist/style.css';
import * as React from 'react';
import {
  Background,
  Controls,
  type Edge,
  Handle,
  MarkerType,
  type Node,
  type NodeProps,
  Position,
  ReactFlow,
  ReactFlowProvider,
} from '@xyflow/react';
import { GitFork } from 'lucide-react';
import { cn, useTheme } from '@racine/ui';
import { layoutSteps, STEP_NODE_HEIGHT, STEP_NODE_WIDTH } from './dag-layout';
import { type ChildProgress, formatSpan, type LogLike, type StepState } from './execution-model';
import { eventsByRun } from './gantt-model';
import { StepStatusIcon } from './status-badge';
import { stepStyle } from './status-style';

type StepNodeData = {
  label: string;
  stepId: string;
  type: string;
  status: string;
  attempt: number;
  maxAttempts: number;
  duration: string | null;
  condition: string | null;
  children: ChildProgress | null;
  selected: boolean;
} & Record<string, unknown>;
type StepFlowNode = Node<StepNodeData, 'step'>;

const handleClass = '!size-1.5 !border-0 !bg-muted-foreground';

function StepNodeView({ data }: NodeProps<StepFlowNode>) {
  const style = stepStyle(data.status);
  const c = data.children;
  return (
    <div
      className={cn(
        'flex cursor-pointer flex-col justify-center gap-0.5 rounded-md border-2 px-2.5 text-left shadow-xs transition-shadow hover:shadow-md',
        style.node,
        data.selected && 'ring-2 ring-primary ring-offset-2 ring-offset-background',
      )}
      style={{ width: STEP_NODE_WIDTH, height: STEP_NODE_HEIGHT }}
      data-testid="dag-node"
      data-step-id={data.stepId}
      data-status={data.status}
      title={`${data.label} (${data.type}) · ${style.label}${data.condition ? ` · if ${data.condition}` : ''}`}
    >
      <Handle type="target" position={Position.Left} className={handleClass} />
      <div className="flex min-w-0 items-center gap-1.5">
        <StepStatusIcon status={data.status} />
        <span className="truncate text-sm font-medium text-foreground">{data.label}</span>
        {data.attempt > 1 ? (
          <span
            className="ml-auto shrink-0 rounded bg-warning/25 px-1 text-[10px] font-medium tabular-nums text-foreground"
            title={`Attempt ${data.attempt} of ${data.maxAttempts}`}
          >
            {data.attempt}/{data.maxAttempts}
          </span>
        ) : null}
      </div>
      <div className="flex min-w-0 items-center gap-1 text-[11px] text-muted-foreground">
        <span className="truncate font-mono">{data.type}</span>
        <span className="ml-auto shrink-0 tabular-nums">{data.duration ?? style.label}</span>
      </div>
      {c ? (
        <div className="flex items-center gap-1.5" data-testid="dag-node-children">
          <div className="flex h-1.5 flex-1 overflow-hidden rounded-full bg-muted">
            <div className="bg-success" style={{ width: `${(c.succeeded / c.total) * 100}%` }} />
            <div className="bg-destructive" style={{ width: `${(c.failed / c.total) * 100}%` }} />
            <div
              className="bg-muted-foreground/40"
              style={{ width: `${((c.done - c.succeeded - c.failed) / c.total) * 100}%` }}
            />
            <div className="bg-info/60" style={{ width: `${(c.running / c.total) * 100}%` }} />
          </div>
          <span
            className="shrink-0 text-[10px] tabular-nums text-muted-foreground"
            title={`${c.done} of ${c.total} items finished · ${c.succeeded} succeeded · ${c.failed} failed · ${c.running} running`}
          >
            {c.done}/{c.total}
          </span>
        </div>
      ) : data.condition ? (
        <div className="truncate text-[10px] italic text-muted-foreground">if {data.condition}</div>
      ) : null}
      <Handle type="source" position={Position.Right} className={handleClass} />
    </div>
  );
}

const nodeTypes = { step: StepNodeView };

/**
 * A workflow's steps as a read-only graph, laid out left to right, each node coloured by its
 * run's status (pending before a run exists). forEach steps show how many items finished.
 * An edge is animated while the step it leads to is running on its output.
 */
export function DagView({
  states,
  logs,
  selectedStepId,
  onSelect,
  now = Date.now(),
  className,
}: {
  states: readonly StepState[];
  /** The execution's logs: a parked step's duration counts from its first start, not its last. */
  logs?: readonly LogLike[];
  selectedStepId?: string | null;
  onSelect?: (stepId: string) => void;
  now?: number;
  className?: string;
}) {
  const { resolvedTheme } = useTheme();
  const shape = states.map((s) => `${s.step.id}<${(s.step.dependsOn ?? []).join(',')}`).join(';');
  // Layout depends on the graph's shape only, not on statuses that change every second.
  const positions = React.useMemo(() => layoutSteps(states.map((s) => s.step)), [shape]);

  const firstStart = React.useMemo(() => {
    const out = new Map<string, Date>();
    for (const [runId, events] of eventsByRun(logs ?? [])) {
      const start = events.find((e) => e.kind === 'start');
      if (start) out.set(runId, new Date(start.at));
    }
    return out;
  }, [logs]);

  const { nodes, edges } = React.useMemo(() => {
    const statusOf = new Map(states.map((s) => [s.step.id, s.status]));
    const nodes: StepFlowNode[] = states.map((s) => ({
      id: s.step.id,
      type: 'step',
      position: positions.get(s.step.id) ?? { x: 0, y: 0 },
      draggable: false,
      data: {
        label: s.step.name || s.step.id,
        stepId: s.step.id,
        type: s.step.type,
        status: s.status,
        attempt: s.run?.attempt ?? 0,
        maxAttempts: s.run?.maxAttempts ?? 1,
        duration: s.run?.startedAt
          ? formatSpan(firstStart.get(s.run.id) ?? s.run.startedAt, s.run.finishedAt, now)
          : null,
        condition: s.step.condition ?? null,
        children: s.childProgress,
        selected: s.step.id === selectedStepId,
      },
    }));
    const edges: Edge[] = [];
    for (const s of states)
      for (const dep of s.step.dependsOn ?? []) {
        if (!statusOf.has(dep)) continue;
        const from = statusOf.get(dep)!;
        const to = s.status;
        const flowing = from === 'succeeded' && (to === 'running' || to === 'ready');
        const dead = from === 'skipped' || from === 'failed' || from === 'cancelled';
        const stroke =
          from === 'succeeded' ? stepStyle('succeeded').color : 'var(--muted-foreground)';
        edges.push({
          id: `${dep}->${s.step.id}`,
          source: dep,
          target: s.step.id,
          animated: flowing,
          style: {
            stroke,
            strokeWidth: 1.75,
            strokeDasharray: dead ? '5 4' : undefined,
            opacity: dead ? 0.6 : 1,
          },
          markerEnd: { type: MarkerType.ArrowClosed, color: stroke, width: 16, height: 16 },
          selectable: false,
        });
      }
    return { nodes, edges };
  }, [states, positions, selectedStepId, now, firstStart]);

  if (!states.length)
    return (
      <div
        className={cn('flex items-center justify-center text-sm text-muted-foreground', className)}
      >
        <GitFork className="mr-2 size-4" /> No step
      </div>
    );
  return (
    <div className={cn('h-[420px] w-full', className)} data-testid="dag-view">
      <ReactFlowProvider>
        <ReactFlow
          key={shape}
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          colorMode={resolvedTheme === 'dark' ? 'dark' : 'light'}
          fitView
          fitViewOptions={{ padding: 0.15, maxZoom: 1.1 }}
          minZoom={0.2}
          nodesConnectable={false}
          nodesDraggable={false}
          elementsSelectable
          proOptions={{ hideAttribution: true }}
          style={{ backgroundColor: 'transparent' }}
          onNodeClick={(_, n) => onSelect?.(n.id)}
        >
          <Background gap={20} size={1} />
          <Controls showInteractive={false} />
        </ReactFlow>
      </ReactFlowProvider>
    </div>
  );
}
