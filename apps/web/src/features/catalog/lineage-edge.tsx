'use client';
import { BaseEdge, type Edge, type EdgeProps } from '@xyflow/react';

export type RoutedEdgeData = { kind: string; bends: { x: number; y: number }[] };
export type RoutedFlowEdge = Edge<RoutedEdgeData, 'routed'>;

/**
 * An edge through the bend points dagre chose: a smooth left-to-right curve
 * between each pair of points (horizontal tangents, like React Flow's bezier).
 */
export function RoutedEdge({
  sourceX,
  sourceY,
  targetX,
  targetY,
  data,
  style,
  markerEnd,
  interactionWidth,
}: EdgeProps<RoutedFlowEdge>) {
  const points = [{ x: sourceX, y: sourceY }, ...(data?.bends ?? []), { x: targetX, y: targetY }];
  let path = `M ${points[0]!.x},${points[0]!.y}`;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const dx = (b.x - a.x) / 2;
    path += ` C ${a.x + dx},${a.y} ${b.x - dx},${b.y} ${b.x},${b.y}`;
  }
  return (
    <BaseEdge path={path} style={style} markerEnd={markerEnd} interactionWidth={interactionWidth} />
  );
}
