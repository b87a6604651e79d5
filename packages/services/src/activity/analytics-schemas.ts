/** Inputs of activity analytics, correlation and the compliance activity report. */
import { z } from 'zod';

export const MAX_RANGE_DAYS = 366;
const DAY_MS = 86_400_000;

/** A time zone Postgres and Intl both know (IANA names); the heatmap and days are in it. */
const timeZone = z
  .string()
  .trim()
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(tz);
    } catch {
      return false;
    }
  }, 'Not a time zone: use an IANA name such as "UTC" or "Europe/Paris"');

const range = {
  from: z.coerce.date({ error: '"from" must be a date' }),
  to: z.coerce.date({ error: '"to" must be a date' }),
};

/** from ≤ to and at most a year apart, with messages that say which. */
function checkRange(i: { from: Date; to: Date }, ctx: z.RefinementCtx) {
  if (i.from > i.to) ctx.addIssue({ code: 'custom', path: ['from'], message: '"from" must be before "to"' });
  else if (i.to.getTime() - i.from.getTime() > MAX_RANGE_DAYS * DAY_MS)
    ctx.addIssue({ code: 'custom', path: ['to'], message: `The range may span at most ${MAX_RANGE_DAYS} days; narrow "from"/"to"` });
}

export const activityAnalyticsInput = z
  .object({
    ...range,
    workspaceId: z.uuid('Not a workspace id').optional(),
    /** The group that wrote the rows (scan, compliance, workflow…). */
    sourceGroup: z.string().trim().min(1).max(40).optional(),
    actorId: z.uuid('Not a user id').optional(),
    /** Rows whose type starts with this, e.g. "compliance." */
    typePrefix: z.string().trim().min(1).max(100).optional(),
    complianceOnly: z.boolean().optional(),
    /** How many types and users to name; the rest are summed as "other". */
    top: z.number().int().min(1).max(50).default(10),
    timeZone: timeZone.default('UTC'),
  })
  .strict()
  .superRefine(checkRange);
export type ActivityAnalyticsInput = z.output<typeof activityAnalyticsInput>;

export const activityCorrelateInput = z
  .object({
    ...range,
    workspaceId: z.uuid('Not a workspace id').optional(),
    dataSourceId: z.uuid('Not a data source id').optional(),
    /** Newest scan runs first; at most this many chains. */
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict()
  .superRefine(checkRange);
export type ActivityCorrelateInput = z.output<typeof activityCorrelateInput>;

export const activityReportScope = z.discriminatedUnion('type', [
  z.object({ type: z.literal('all') }).strict(),
  z.object({ type: z.literal('workspace'), id: z.uuid('Not a workspace id') }).strict(),
  z.object({ type: z.literal('datasource'), id: z.uuid('Not a data source id') }).strict(),
]);

export const REPORT_MAX_ROWS = 20_000;

export const activityReportInput = z
  .object({
    ...range,
    scope: activityReportScope.default({ type: 'all' }),
    format: z.enum(['csv', 'pdf'], { error: 'format: "csv" or "pdf"' }),
    /** Rows beyond this are left out, and the report says so. */
    maxRows: z.number().int().min(1).max(REPORT_MAX_ROWS).default(5_000),
  })
  .strict()
  .superRefine(checkRange);
export type ActivityReportInput = z.output<typeof activityReportInput>;
