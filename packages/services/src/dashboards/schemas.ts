/**
 * The dashboards contract: what each procedure takes (zod, strict) and what
 * it answers. The web editor and the router both build on these.
 */
import { z } from 'zod';
import type { MetricResult } from '../metrics/types';
import { widgetInput, widgetsInput, type Widget } from './widgets';

const name = z.string().trim().min(1, 'a dashboard needs a name').max(120);
const description = z.string().trim().max(500);

export const dashboardIdInput = z.object({ id: z.uuid() }).strict();

/** No id: the caller's default dashboard (their built-ins are created on first use). */
export const getDashboardInput = z.object({ id: z.uuid().optional() }).strict();

export const listDashboardsInput = z
  .object({
    /** Only those shared with this workspace (and never others' personal ones). */
    workspaceId: z.uuid().optional(),
  })
  .strict();

export const createDashboardInput = z
  .object({
    name,
    description: description.default(''),
    widgets: widgetsInput.default([]),
    /** Share with this workspace at once (needs dashboard.share there); personal when absent. */
    workspaceId: z.uuid().nullable().default(null),
  })
  .strict();

export const updateDashboardInput = z
  .object({
    id: z.uuid(),
    /** The version this edit started from: a stale one is refused with CONFLICT. */
    version: z.number().int().min(1),
    name: name.optional(),
    description: description.optional(),
    widgets: widgetsInput.optional(),
    /** A workspace id shares the dashboard there (dashboard.share needed); null makes it personal again. */
    workspaceId: z.uuid().nullable().optional(),
    /** Put a built-in copy back to its layout, name and description (other fields must be absent). */
    reset: z.literal(true).optional(),
  })
  .strict()
  .refine((u) => !u.reset || (u.name === undefined && u.description === undefined && u.widgets === undefined), {
    message: 'reset restores the built-in layout, name and description: send it without name, description or widgets',
  });

export const cloneDashboardInput = z.object({ id: z.uuid(), name: name.optional() }).strict();

/** A saved dashboard's widgets, or widgets not saved yet (the editor's preview of one widget before adding it). */
export const dashboardDataInput = z
  .object({
    id: z.uuid().optional(),
    widgets: z.array(widgetInput).max(40).optional(),
  })
  .strict()
  // One object rather than a union, so a bad widget is refused with what is wrong with it, not "no union member matched".
  .refine((d) => (d.id === undefined) !== (d.widgets === undefined), { message: 'send either the id of a saved dashboard or the widgets to compute, not both' });

export const watchDashboardInput = z
  .object({
    id: z.uuid(),
    /** The last event id the client saw: a reconnect receives what it missed. */
    lastEventId: z.string().regex(/^\d+$/, 'lastEventId is an activity id').nullish(),
  })
  .strict();

export type GetDashboardInput = z.infer<typeof getDashboardInput>;
export type ListDashboardsInput = z.infer<typeof listDashboardsInput>;
export type CreateDashboardInput = z.infer<typeof createDashboardInput>;
export type UpdateDashboardInput = z.infer<typeof updateDashboardInput>;
export type CloneDashboardInput = z.infer<typeof cloneDashboardInput>;
export type DashboardDataInput = z.infer<typeof dashboardDataInput>;
export type WatchDashboardInput = z.infer<typeof watchDashboardInput>;

export interface DashboardView {
  id: string;
  name: string;
  description: string;
  ownerId: string;
  ownerName: string;
  /** Shared with this workspace; null for a personal dashboard. */
  workspaceId: string | null;
  workspaceName: string | null;
  /** The built-in layout this copy was made from ("executive", "operations", "my-work"). */
  builtInKey: string | null;
  /** The caller's home dashboard (only ever one of the caller's own). */
  isDefault: boolean;
  widgets: Widget[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
  /** The caller owns it. */
  mine: boolean;
  /** The caller may change it: its owner, or for a shared one whoever holds dashboard.share at its workspace. */
  canEdit: boolean;
}

export interface DashboardList {
  items: DashboardView[];
  defaultId: string | null;
}

/** One widget's numbers, or why it has none: one failing widget never fails the dashboard. */
export type WidgetData =
  | { status: 'ok'; result: MetricResult }
  | { status: 'error'; error: { code: string; message: string } };

export interface DashboardData {
  /** The dashboard computed, null for unsaved widgets. */
  id: string | null;
  /** Its version when computed: a client holding another one refetches dashboard.get. */
  version: number | null;
  asOf: Date;
  /** By widget id. */
  widgets: Record<string, WidgetData>;
}

/** What dashboard.watch yields (as tracked(<activity id>, event)). */
export interface DashboardWatchEvent {
  at: Date;
  /** Widgets whose numbers may have changed: refetch dashboard.data. */
  widgetIds: string[];
  /** Someone else changed the dashboard itself (layout, name, sharing): refetch dashboard.get too. */
  layout: boolean;
  /** The dashboard was deleted; the subscription ends after this event. */
  deleted: boolean;
}
