'use client';
import { Handle, type Node, type NodeProps, Position } from '@xyflow/react';
import { cn } from '@racine/ui';
import { AssetTypeIcon, sensitivityNodeClass } from './bits';
import { NODE_HEIGHT, NODE_WIDTH } from './lineage-layout';
import type { LineageNode } from './types';

// React Flow wants node data indexable; the lineage fields are all it holds.
export type AssetNodeData = LineageNode & { isRoot: boolean } & Record<string, unknown>;
export type AssetFlowNode = Node<AssetNodeData, 'asset'>;

/** One asset in the graph: name and source, filled by sensitivity; the root is ringed. */
export function AssetNodeView({ data }: NodeProps<AssetFlowNode>) {
  if (data.type === 'hidden')
    return (
      <div
        className="flex cursor-default flex-col justify-center rounded-md border-2 border-dashed bg-muted/40 px-2.5 text-left"
        style={{ width: NODE_WIDTH, height: NODE_HEIGHT }}
        data-testid="lineage-node"
        data-hidden
        title="An asset in a source you cannot read"
      >
        <Handle type="target" position={Position.Left} className="!size-1.5 !border-0 !bg-muted-foreground" />
        <span className="text-sm italic text-muted-foreground">Hidden asset</span>
        <span className="text-[11px] text-muted-foreground">in a source you cannot read</span>
        <Handle type="source" position={Position.Right} className="!size-1.5 !border-0 !bg-muted-foreground" />
      </div>
    );
  return (
    <div
      className={cn(
        'flex cursor-pointer flex-col justify-center rounded-md border-2 px-2.5 text-left shadow-xs transition-shadow hover:shadow-md',
        sensitivityNodeClass[data.sensitivity ?? 'none'] ?? sensitivityNodeClass.none,
        data.isRoot && 'ring-2 ring-primary ring-offset-2 ring-offset-background',
      )}
      style={{ width: NODE_WIDTH, height: NODE_HEIGHT }}
      data-testid="lineage-node"
      data-name={data.name}
      data-root={data.isRoot || undefined}
      title={`${data.qualifiedName}${data.sensitivity ? ` · ${data.sensitivity}` : ''}${data.labels.length ? ` · ${data.labels.join(', ')}` : ''}`}
    >
      <Handle type="target" position={Position.Left} className="!size-1.5 !border-0 !bg-muted-foreground" />
      <div className="flex min-w-0 items-center gap-1.5">
        <AssetTypeIcon type={data.type} className="size-3.5 text-foreground/70" />
        <span className="truncate text-sm font-medium text-foreground">{data.name}</span>
      </div>
      <div className="truncate text-[11px] text-muted-foreground">
        {data.dataSourceName} · {data.type}
      </div>
      <Handle type="source" position={Position.Right} className="!size-1.5 !border-0 !bg-muted-foreground" />
    </div>
  );
}
