'use client';
import '@xyflow/react/dist/style.css';
import * as React from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Background,
  Controls,
  MarkerType,
  ReactFlow,
  ReactFlowProvider,
} from '@xyflow/react';
import { Expand, GitBranch, Plus, TriangleAlert } from 'lucide-react';
import {
  Button,
  EmptyState,
  ErrorState,
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
  Skeleton,
  cn,
  useTheme,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { CurateGate } from './curate-gate';
import { DeclareEdgeDialog } from './declare-edge-dialog';
import { EdgeDialog } from './edge-dialog';
import { LineageLegend, edgeKindLabel } from './lineage-legend';
import { RoutedEdge, type RoutedFlowEdge } from './lineage-edge';
import { edgeKey, layoutLineage } from './lineage-layout';
import { type AssetFlowNode, AssetNodeView } from './lineage-node';
import { LineageSuggestions } from './lineage-suggestions';
import type { LineageDirection, LineageEdge } from './types';

const nodeTypes = { asset: AssetNodeView };
const edgeTypes = { routed: RoutedEdge };
const depths = [1, 2, 3, 5, 10];

/** Line style per edge kind: found by scans (solid), declared by people (dashed), produced by pipelines (animated). */
const edgeStyle: Record<string, { stroke: string; dash?: string; animated?: boolean }> = {
  foreign_key: { stroke: 'var(--muted-foreground)' },
  declared: { stroke: 'var(--primary)', dash: '6 4' },
  pipeline: { stroke: 'var(--info)', animated: true },
};

/**
 * Where an asset's data comes from and goes to (catalog.lineage), laid out
 * left to right by dagre. Clicking a node opens that asset; clicking an edge
 * shows it and, for declared edges, lets curators change or remove it.
 */
export function LineageGraph({
  assetId,
  canCurate,
  fullScreen = false,
}: {
  assetId: string;
  canCurate: boolean;
  fullScreen?: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const { resolvedTheme } = useTheme();
  const [direction, setDirection] = React.useState<LineageDirection>('both');
  const [depth, setDepth] = React.useState(3);
  const [hovered, setHovered] = React.useState<LineageEdge | null>(null);
  const [openEdge, setOpenEdge] = React.useState<LineageEdge | null>(null);
  const [declaring, setDeclaring] = React.useState(false);
  const lineage = useQuery({
    ...trpc.catalog.lineage.queryOptions({ id: assetId, direction, depth }),
    placeholderData: keepPreviousData,
  });
  const data = lineage.data;

  const { nodes, edges } = React.useMemo(() => {
    if (!data) return { nodes: [] as AssetFlowNode[], edges: [] as RoutedFlowEdge[] };
    const { positions, bends } = layoutLineage(
      data.nodes.map((n) => n.id),
      data.edges,
    );
    const nodes: AssetFlowNode[] = data.nodes.map((n) => ({
      id: n.id,
      type: 'asset',
      position: positions.get(n.id) ?? { x: 0, y: 0 },
      data: { ...n, isRoot: n.id === data.root },
      draggable: false,
    }));
    const edges: RoutedFlowEdge[] = data.edges.map((e) => {
      const style = edgeStyle[e.kind] ?? edgeStyle.declared!;
      return {
        id: e.id,
        type: 'routed' as const,
        source: e.from,
        target: e.to,
        animated: style.animated,
        style: { stroke: style.stroke, strokeWidth: 1.75, strokeDasharray: style.dash },
        markerEnd: { type: MarkerType.ArrowClosed, color: style.stroke, width: 16, height: 16 },
        interactionWidth: 16,
        data: { kind: e.kind, bends: bends.get(edgeKey(e.from, e.to)) ?? [] },
      };
    });
    return { nodes, edges };
  }, [data]);
  const edgeById = React.useMemo(() => new Map(data?.edges.map((e) => [e.id, e]) ?? []), [data]);
  const nodeName = (id: string) => data?.nodes.find((n) => n.id === id)?.qualifiedName ?? id;

  const controls = (
    <div className="flex flex-wrap items-center gap-2">
      <Select value={direction} onValueChange={(v) => setDirection(v as LineageDirection)}>
        <SelectTrigger className="w-52" aria-label="Direction" data-testid="lineage-direction">
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value="both">Up- and downstream</SelectItem>
          <SelectItem value="upstream">Upstream only</SelectItem>
          <SelectItem value="downstream">Downstream only</SelectItem>
        </SelectContent>
      </Select>
      <Select value={String(depth)} onValueChange={(v) => setDepth(Number(v))}>
        <SelectTrigger className="w-32" aria-label="Depth" data-testid="lineage-depth">
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          {depths.map((d) => (
            <SelectItem key={d} value={String(d)}>
              {d} {d === 1 ? 'hop' : 'hops'}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
      <div className="ml-auto flex items-center gap-2">
        <CurateGate canCurate={canCurate}>
          <Button
            size="sm"
            variant="outline"
            disabled={!canCurate}
            onClick={() => setDeclaring(true)}
            data-testid="declare-edge"
          >
            <Plus />
            Declare an edge
          </Button>
        </CurateGate>
        {fullScreen ? null : (
          <Button size="sm" variant="ghost" asChild>
            <Link href={`/catalog/assets/${assetId}/lineage`}>
              <Expand />
              Full screen
            </Link>
          </Button>
        )}
      </div>
    </div>
  );

  let canvas: React.ReactNode;
  if (lineage.isPending) canvas = <Skeleton className="h-full w-full" />;
  else if (lineage.isError && !data)
    canvas = <ErrorState error={lineage.error} onRetry={() => void lineage.refetch()} />;
  else if (data && data.edges.length === 0)
    canvas = (
      <EmptyState
        icon={<GitBranch />}
        title="No lineage yet"
        description="Foreign keys found by scans and declared edges appear here."
        className="h-full"
      />
    );
  else
    canvas = (
      <ReactFlowProvider>
        <ReactFlow
          // A new set of assets (depth, direction, an edge added) is laid out and fitted afresh.
          key={nodes.map((n) => n.id).join()}
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          colorMode={resolvedTheme === 'dark' ? 'dark' : 'light'}
          fitView
          fitViewOptions={{ padding: 0.2, maxZoom: 1.2 }}
          minZoom={0.2}
          nodesConnectable={false}
          elementsSelectable
          proOptions={{ hideAttribution: true }}
          style={{ backgroundColor: 'transparent' }}
          onNodeClick={(_, n) => {
            if (n.data.type !== 'hidden') router.push(`/catalog/assets/${n.id}?tab=lineage`);
          }}
          onEdgeClick={(_, e) => setOpenEdge(edgeById.get(e.id) ?? null)}
          onEdgeMouseEnter={(_, e) => setHovered(edgeById.get(e.id) ?? null)}
          onEdgeMouseLeave={() => setHovered(null)}
        >
          <Background gap={20} size={1} />
          <Controls showInteractive={false} />
        </ReactFlow>
      </ReactFlowProvider>
    );

  return (
    <div className="grid gap-3" data-testid="lineage">
      {controls}
      {data?.truncated ? (
        <div className="flex items-center gap-2 rounded-md border border-warning/40 bg-warning/10 px-3 py-1.5 text-sm">
          <TriangleAlert className="size-4 text-warning" />
          The graph was cut short: it has more assets than can be drawn at this depth. Lower the
          depth or pick one direction.
        </div>
      ) : null}
      <div
        className={cn(
          'grid gap-3',
          data?.suggestions.length ? 'lg:grid-cols-[minmax(0,1fr)_20rem]' : '',
        )}
      >
        <div
          className={cn(
            'relative overflow-hidden rounded-lg border bg-card',
            fullScreen ? 'h-[calc(100vh-13rem)] min-h-96' : 'h-[28rem]',
          )}
          data-testid="lineage-canvas"
          data-nodes={data?.nodes.length ?? 0}
          data-edges={data?.edges.length ?? 0}
        >
          {canvas}
          {hovered ? (
            <div
              className="pointer-events-none absolute inset-x-3 top-3 z-10 rounded-md border bg-popover px-3 py-2 text-xs shadow-md"
              data-testid="edge-hover"
            >
              <span className="font-medium">{edgeKindLabel[hovered.kind] ?? hovered.kind}</span>
              <span className="font-mono text-muted-foreground">
                {' '}
                {nodeName(hovered.from)} → {nodeName(hovered.to)}
              </span>
              {hovered.note ? <div className="mt-0.5">{hovered.note}</div> : null}
              {hovered.propagation !== 'none' ? (
                <div className="text-muted-foreground">Labels propagate: {hovered.propagation}</div>
              ) : null}
            </div>
          ) : null}
        </div>
        {data?.suggestions.length ? (
          <LineageSuggestions
            suggestions={data.suggestions}
            nodes={data.nodes}
          />
        ) : null}
      </div>
      <LineageLegend />
      <DeclareEdgeDialog
        open={declaring}
        onOpenChange={setDeclaring}
        assetId={assetId}
        assetName={data ? nodeName(data.root) : ''}
      />
      <EdgeDialog
        edge={openEdge}
        onClose={() => setOpenEdge(null)}
        canCurate={canCurate}
        fromName={openEdge ? nodeName(openEdge.from) : ''}
        toName={openEdge ? nodeName(openEdge.to) : ''}
      />
    </div>
  );
}
