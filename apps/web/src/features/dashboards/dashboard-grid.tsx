'use client';
import * as React from 'react';
import ReactGridLayout, { type Layout, useContainerWidth, verticalCompactor } from 'react-grid-layout';
import 'react-grid-layout/css/styles.css';
import { gridColumns } from '@racine/services/dashboards/widgets';
import type { Widget, WidgetState } from './types';
import { contentHeight, RenderWidget } from './widgets/render-widget';

export const rowHeight = 72;
const margin = 16;
/** Below this width the grid would squeeze charts into slivers, so widgets stack one per row instead. */
const stackBelow = 768;

/**
 * The dashboard's 12-column grid. In view mode it only places widgets; in edit
 * mode they drag by their handle and resize from the corner, and every move
 * reports the new positions so the page can keep them until Save. On narrow
 * screens widgets stack in reading order (top to bottom, left to right).
 */
export function DashboardGrid({
  widgets,
  states,
  editing,
  onLayout,
  onConfigure,
  onRemove,
}: {
  widgets: Widget[];
  states: Record<string, WidgetState>;
  editing: boolean;
  onLayout?: (positions: Record<string, Pick<Widget, 'x' | 'y' | 'w' | 'h'>>) => void;
  onConfigure?: (id: string) => void;
  onRemove?: (id: string) => void;
}) {
  const { width, containerRef, mounted } = useContainerWidth({ measureBeforeMount: true });
  const layout: Layout = React.useMemo(
    () => widgets.map((w) => ({ i: w.id, x: w.x, y: w.y, w: w.w, h: w.h, minW: 2, minH: 2, maxH: 12 })),
    [widgets],
  );
  const stacked = mounted && width < stackBelow;
  const render = (w: Widget, height?: number) => (
    <RenderWidget
      widget={w}
      state={states[w.id] ?? {}}
      editing={editing}
      height={height}
      onConfigure={() => onConfigure?.(w.id)}
      onRemove={() => onRemove?.(w.id)}
    />
  );
  return (
    <div
      ref={containerRef}
      data-testid="dashboard-grid"
      data-editing={editing ? 'true' : 'false'}
      className="-mx-4 [&_.react-grid-placeholder]:rounded-xl [&_.react-grid-placeholder]:!bg-primary/30 [&_.react-resizable-handle::after]:!border-muted-foreground"
    >
      {!mounted ? null : stacked ? (
        <div className="grid gap-4 px-4">
          {[...widgets]
            .sort((a, b) => a.y - b.y || a.x - b.x)
            .map((w) => (
              <div key={w.id} style={{ height: w.type === 'kpi' ? 150 : Math.max(260, w.h * 64) }}>
                {render(w, w.type === 'kpi' ? undefined : Math.max(180, w.h * 64 - 64))}
              </div>
            ))}
        </div>
      ) : (
        <ReactGridLayout
          width={width}
          layout={layout}
          gridConfig={{ cols: gridColumns, rowHeight, margin: [margin, margin], containerPadding: [margin, 0] }}
          dragConfig={{ enabled: editing, handle: '.widget-drag-handle', cancel: '.widget-no-drag' }}
          resizeConfig={{ enabled: editing, handles: ['se'] }}
          compactor={verticalCompactor}
          onLayoutChange={(next) => {
            if (!editing) return;
            onLayout?.(Object.fromEntries(next.map((l) => [l.i, { x: l.x, y: l.y, w: l.w, h: l.h }])));
          }}
        >
          {widgets.map((w) => (
            <div key={w.id}>{render(w, contentHeight(w.h, rowHeight, margin))}</div>
          ))}
        </ReactGridLayout>
      )}
    </div>
  );
}
