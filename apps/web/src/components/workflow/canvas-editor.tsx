'use client';
import '@xyflow/react/dist/style.css';
import * as React from 'react';
import {
  Background,
  type Connection,
  Controls,
  type Edge,
  type EdgeChange,
  MarkerType,
  MiniMap,
  type NodeChange,
  ReactFlow,
  useReactFlow,
} from '@xyflow/react';
import { Trash2 } from 'lucide-react';
import { Button, toast, useTheme } from '@racine/ui';
import { connect, disconnect, edgeId, parseEdgeId, removeSteps, wouldCycle } from './builder-graph';
import type { DraftStep, StepTypeInfo } from './builder-types';
import { type StepFlowNode, StepNodeView } from './canvas-node';
import { stepStyle } from './status-style';

export const STEP_TYPE_MIME = 'application/x-racine-step-type';

const nodeTypes = { step: StepNodeView };

export interface CanvasEditorProps {
  steps: DraftStep[];
  stepTypes: ReadonlyMap<string, StepTypeInfo>;
  onStepsChange: (steps: DraftStep[]) => void;
  /** A step type dropped from the palette at a canvas position. */
  onDropType: (type: string, position: { x: number; y: number }) => void;
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  issuesByStep: ReadonlyMap<string, string[]>;
  /** Live step statuses by step id, while an execution is watched. */
  statusByStep?: ReadonlyMap<string, string>;
  criticalPath?: readonly string[];
  readOnly?: boolean;
  /** Changes whenever the whole graph is replaced (a version loaded, auto-layout), to fit it in view. */
  fitKey?: string;
}

/**
 * The React Flow canvas of the builder. The draft's steps are the truth:
 * nodes and edges are derived from them (an edge is the target's
 * `dependsOn`), and every change React Flow reports (a node moved, a
 * connection dragged between handles, nodes or edges deleted with the
 * Delete/Backspace key) is turned back into a change of the steps. Step
 * types dragged from the palette are dropped with HTML5 drag and drop.
 */
export function CanvasEditor({
  steps,
  stepTypes,
  onStepsChange,
  onDropType,
  selectedId,
  onSelect,
  issuesByStep,
  statusByStep,
  criticalPath,
  readOnly = false,
  fitKey,
}: CanvasEditorProps) {
  const { resolvedTheme } = useTheme();
  const flow = useReactFlow();
  // React Flow measures nodes once; derived nodes carry the measurement so it is not lost each render.
  const [measured, setMeasured] = React.useState<ReadonlyMap<string, { width: number; height: number }>>(new Map());
  const [selectedEdge, setSelectedEdge] = React.useState<string | null>(null);
  const [dropping, setDropping] = React.useState(false);
  const critical = React.useMemo(() => new Set(criticalPath ?? []), [criticalPath]);
  const stepsRef = React.useRef(steps);
  stepsRef.current = steps;
  // Fit the graph it opens with; an empty canvas keeps its zoom, so the first step dropped lands where it was dropped.
  const [fitOnOpen] = React.useState(steps.length > 0);

  const nodes: StepFlowNode[] = React.useMemo(
    () =>
      steps.map((s) => {
        const info = stepTypes.get(s.type);
        const m = measured.get(s.id);
        return {
          id: s.id,
          type: 'step' as const,
          position: s.position ?? { x: 0, y: 0 },
          selected: s.id === selectedId,
          draggable: !readOnly,
          deletable: !readOnly,
          ...(m ? { measured: m } : {}),
          data: {
            stepId: s.id,
            name: s.name,
            type: s.type,
            title: info?.title ?? s.type,
            group: info?.group ?? 'control',
            issues: issuesByStep.get(s.id) ?? (info || stepTypes.size === 0 ? [] : [`Unknown step type ${s.type}`]),
            status: statusByStep?.get(s.id),
            critical: critical.has(s.id),
            hasCondition: !!s.condition?.trim(),
            readOnly,
          },
        };
      }),
    [steps, stepTypes, measured, selectedId, issuesByStep, statusByStep, critical, readOnly],
  );

  const edges: Edge[] = React.useMemo(() => {
    const known = new Set(steps.map((s) => s.id));
    return steps.flatMap((s) =>
      s.dependsOn
        .filter((d) => known.has(d))
        .map((d) => {
          const id = edgeId(d, s.id);
          const onPath = critical.has(d) && critical.has(s.id);
          const upstream = statusByStep?.get(d);
          const stroke = onPath
            ? 'var(--primary)'
            : upstream
              ? stepStyle(upstream).color
              : 'var(--muted-foreground)';
          return {
            id,
            source: d,
            target: s.id,
            selected: id === selectedEdge,
            deletable: !readOnly,
            animated: upstream === 'running' || upstream === 'waiting',
            style: { stroke, strokeWidth: onPath || id === selectedEdge ? 2.5 : 1.75 },
            markerEnd: { type: MarkerType.ArrowClosed, color: stroke, width: 16, height: 16 },
            interactionWidth: 18,
            className: 'workflow-edge',
            data: { from: d, to: s.id },
          } satisfies Edge;
        }),
    );
  }, [steps, critical, statusByStep, selectedEdge, readOnly]);

  React.useEffect(() => {
    if (!fitKey) return;
    // After the new nodes are measured.
    const t = setTimeout(() => void flow.fitView({ padding: 0.2, maxZoom: 1.1, duration: 200 }), 60);
    return () => clearTimeout(t);
  }, [fitKey, flow]);

  const onNodesChange = React.useCallback(
    (changes: NodeChange<StepFlowNode>[]) => {
      let next = stepsRef.current;
      let changed = false;
      const dims = new Map<string, { width: number; height: number }>();
      const removed: string[] = [];
      for (const c of changes) {
        if (c.type === 'position' && c.position && !readOnly) {
          const pos = c.position;
          next = next.map((s) => (s.id === c.id ? { ...s, position: pos } : s));
          changed = true;
        } else if (c.type === 'dimensions' && c.dimensions) {
          dims.set(c.id, c.dimensions);
        } else if (c.type === 'remove' && !readOnly) {
          removed.push(c.id);
        } else if (c.type === 'select' && c.selected) {
          onSelect(c.id);
        }
      }
      if (removed.length) {
        next = removeSteps(next, removed);
        changed = true;
        if (selectedId && removed.includes(selectedId)) onSelect(null);
      }
      if (dims.size)
        setMeasured((prev) => {
          const m = new Map(prev);
          dims.forEach((d, id) => m.set(id, d));
          return m;
        });
      if (changed) onStepsChange(next);
    },
    [onStepsChange, onSelect, readOnly, selectedId],
  );

  const onEdgesChange = React.useCallback(
    (changes: EdgeChange[]) => {
      let next = stepsRef.current;
      let changed = false;
      for (const c of changes) {
        if (c.type === 'remove' && !readOnly) {
          const ends = parseEdgeId(c.id);
          if (ends) {
            next = disconnect(next, ends.from, ends.to);
            changed = true;
          }
          setSelectedEdge((e) => (e === c.id ? null : e));
        } else if (c.type === 'select') {
          setSelectedEdge((e) => (c.selected ? c.id : e === c.id ? null : e));
        }
      }
      if (changed) onStepsChange(next);
    },
    [onStepsChange, readOnly],
  );

  const onConnect = React.useCallback(
    (c: Connection) => {
      if (readOnly || !c.source || !c.target) return;
      const result = connect(stepsRef.current, c.source, c.target);
      if (result.ok) onStepsChange(result.steps);
      else toast.error(result.reason);
    },
    [onStepsChange, readOnly],
  );

  const isValidConnection = React.useCallback(
    (c: Connection | Edge) =>
      !!c.source &&
      !!c.target &&
      !stepsRef.current.find((s) => s.id === c.target)?.dependsOn.includes(c.source) &&
      !wouldCycle(stepsRef.current, c.source, c.target),
    [],
  );

  const onDragOver = (event: React.DragEvent) => {
    if (readOnly || !event.dataTransfer.types.includes(STEP_TYPE_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDropping(true);
  };
  const onDrop = (event: React.DragEvent) => {
    setDropping(false);
    const type = event.dataTransfer.getData(STEP_TYPE_MIME);
    if (readOnly || !type) return;
    event.preventDefault();
    const p = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
    // The drop point is where the pointer is: centre the node on it.
    onDropType(type, { x: Math.round(p.x - 116), y: Math.round(p.y - 36) });
  };

  const removeSelectedEdge = () => {
    const ends = selectedEdge ? parseEdgeId(selectedEdge) : null;
    if (!ends) return;
    onStepsChange(disconnect(stepsRef.current, ends.from, ends.to));
    setSelectedEdge(null);
  };

  return (
    <div
      className="relative h-full w-full"
      onDragOver={onDragOver}
      onDragLeave={() => setDropping(false)}
      onDrop={onDrop}
      data-testid="workflow-canvas"
      data-steps={steps.length}
      data-edges={edges.length}
      data-dropping={dropping || undefined}
    >
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        onNodeClick={(_, n) => {
          onSelect(n.id);
          setSelectedEdge(null);
        }}
        onPaneClick={() => {
          onSelect(null);
          setSelectedEdge(null);
        }}
        onEdgeClick={(_, e) => setSelectedEdge(e.id)}
        nodesConnectable={!readOnly}
        nodesDraggable={!readOnly}
        deleteKeyCode={readOnly ? null : ['Backspace', 'Delete']}
        colorMode={resolvedTheme === 'dark' ? 'dark' : 'light'}
        fitView={fitOnOpen}
        fitViewOptions={{ padding: 0.2, maxZoom: 1.1 }}
        minZoom={0.2}
        maxZoom={2}
        snapToGrid
        snapGrid={[8, 8]}
        proOptions={{ hideAttribution: true }}
        style={{ backgroundColor: 'transparent' }}
      >
        <Background gap={16} size={1} />
        <Controls showInteractive={false} />
        {steps.length > 6 ? <MiniMap pannable zoomable className="!bg-card" /> : null}
      </ReactFlow>
      {dropping ? (
        <div className="pointer-events-none absolute inset-2 rounded-md border-2 border-dashed border-primary/60" />
      ) : null}
      {selectedEdge && !readOnly ? (
        <div className="absolute right-3 top-3 z-10 flex items-center gap-2 rounded-md border bg-popover px-2 py-1 text-xs shadow-md">
          <span className="font-mono text-muted-foreground">{selectedEdge.replace('->', ' → ')}</span>
          <Button size="sm" variant="ghost" onClick={removeSelectedEdge} data-testid="remove-edge">
            <Trash2 />
            Remove connection
          </Button>
        </div>
      ) : null}
    </div>
  );
}
