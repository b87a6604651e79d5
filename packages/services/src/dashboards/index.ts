// The dashboards barrel: re-export this folder's public functions here.
export * from './widgets';
export * from './builtins';
export * from './schemas';
export { listDashboards, getDashboard, getDefaultDashboard } from './queries';
export { createDashboard, updateDashboard, deleteDashboard, cloneDashboard, setDefaultDashboard } from './mutations';
export { ensureBuiltInDashboards } from './builtin-copies';
export { dashboardData, widgetData } from './data';
export { watchDashboard, widgetsHitBy, type WatchOptions } from './watch';
