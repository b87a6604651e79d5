/** Dashboard.widgets is JSON: validated on the way out too, so a widget the schema no longer accepts is dropped, not served broken. */
import type { Prisma } from '@racine/db';
import { widgetInput, type Widget } from './widgets';

export function parseWidgets(json: unknown): Widget[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((w) => {
    const parsed = widgetInput.safeParse(w);
    return parsed.success ? [parsed.data] : [];
  });
}

export const widgetsJson = (widgets: Widget[]) => widgets as unknown as Prisma.InputJsonValue;
