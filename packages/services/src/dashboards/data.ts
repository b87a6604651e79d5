/**
 * A dashboard's numbers: every widget's metric computed in parallel, each
 * with its own result or its own error, so one broken widget (an unknown
 * metric, a filter it cannot take, a failing query) never fails the rest.
 */
import type { ServiceDeps } from '../deps';
import { AppError } from '../errors';
import type { AccessChecker } from '../rbac/resolve';
import { requireReadable, userIdOf } from './access';
import { computeMetric, widgetQuery } from './metric-source';
import type { DashboardData, DashboardDataInput, WidgetData } from './schemas';
import { parseWidgets } from './stored';
import type { Widget } from './widgets';

export async function dashboardData(deps: ServiceDeps, access: AccessChecker, input: DashboardDataInput): Promise<DashboardData> {
  const userId = userIdOf(access.actor);
  let widgets: Widget[];
  let id: string | null = null;
  let version: number | null = null;
  if (input.id) {
    const d = await requireReadable(deps.db, access, input.id);
    widgets = parseWidgets(d.widgets);
    id = d.id;
    version = d.version;
  } else widgets = input.widgets ?? [];
  const results = await Promise.all(widgets.map(async (w) => [w.id, await widgetData(deps, access, userId, w)] as const));
  return { id, version, asOf: deps.clock(), widgets: Object.fromEntries(results) };
}

/** One widget, saved or not (the editor previews one before adding it). */
export async function widgetData(deps: ServiceDeps, access: AccessChecker, userId: string, widget: Widget): Promise<WidgetData> {
  try {
    return { status: 'ok', result: await computeMetric(deps, access, userId, widgetQuery(widget)) };
  } catch (error) {
    if (error instanceof AppError) return { status: 'error', error: { code: error.code, message: error.message } };
    // An unexpected failure is still this widget's alone; its message is kept short and the dashboard goes on.
    const message = error instanceof Error ? error.message.split('\n')[0]!.slice(0, 300) : String(error);
    return { status: 'error', error: { code: 'INTERNAL', message: `"${widget.title}" could not be computed: ${message}` } };
  }
}
