'use client';
import * as React from 'react';
import type { MetricResult, Widget, WidgetState } from '../types';
import { DonutWidget, donutIsEmpty } from './donut-widget';
import { FindingsWidget } from './findings-widget';
import { HeatmapWidget, heatmapIsEmpty } from './heatmap-widget';
import { InsightsWidget } from './insights-widget';
import { KpiWidget, kpiIsEmpty } from './kpi-widget';
import { SeriesWidget, seriesIsEmpty } from './series-widget';
import { TableWidget, tableIsEmpty } from './table-widget';
import { TopNWidget } from './top-n-widget';
import { WidgetFrame } from './widget-frame';

/** Pixel height of a widget's content at grid height h (row height and margins of the grid). */
export const contentHeight = (h: number, rowHeight = 72, margin = 16) => Math.max(80, h * rowHeight + (h - 1) * margin - 64);

function isEmpty(widget: Widget, r: MetricResult): boolean {
  switch (widget.type) {
    case 'kpi':
      return kpiIsEmpty(r);
    case 'line':
    case 'area':
    case 'bar':
      return seriesIsEmpty(widget, r);
    case 'donut':
      return donutIsEmpty(r);
    case 'heatmap':
      return heatmapIsEmpty(r);
    default:
      return tableIsEmpty(r);
  }
}

function Content({ widget, result, height }: { widget: Widget; result: MetricResult; height: number }) {
  switch (widget.type) {
    case 'kpi':
      return <KpiWidget widget={widget} result={result} />;
    case 'line':
    case 'area':
    case 'bar':
      return <SeriesWidget widget={widget} result={result} height={height} />;
    case 'donut':
      return <DonutWidget result={result} height={height} />;
    case 'heatmap':
      return <HeatmapWidget result={result} />;
    case 'topN':
      return <TopNWidget result={result} limit={widget.limit} />;
    case 'findings':
      return <FindingsWidget result={result} limit={widget.limit} />;
    case 'insights':
      return <InsightsWidget result={result} limit={widget.limit} />;
    default:
      return <TableWidget result={result} />;
  }
}

/** A widget in its frame, drawn from its state: the renderer of its type, or loading, empty or error. */
export function RenderWidget({
  widget,
  state,
  editing,
  onConfigure,
  onRemove,
  height,
}: {
  widget: Widget;
  state: WidgetState;
  editing?: boolean;
  onConfigure?: () => void;
  onRemove?: () => void;
  height?: number;
}) {
  const result = state.result ?? null;
  return (
    <WidgetFrame widget={widget} state={state} editing={editing} onConfigure={onConfigure} onRemove={onRemove} isEmpty={result ? isEmpty(widget, result) : false}>
      {result ? <Content widget={widget} result={result} height={height ?? contentHeight(widget.h)} /> : null}
    </WidgetFrame>
  );
}
