'use client';
import * as React from 'react';
import { useMutation } from '@tanstack/react-query';
import { KeyRound, Plus, Trash2 } from 'lucide-react';
import {
  Button,
  Checkbox,
  CopyButton,
  Field,
  Input,
  Label,
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
  Switch,
  Textarea,
  toast,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { describeCron } from './builder-cron';
import type { PlacedIssues } from './builder-issues';
import { type DraftDefinition, type DraftParameter, parameterTypes, type ParameterType } from './builder-types';

/** Activity types a workflow commonly starts on; any other type can be typed. */
export const eventTypeSuggestions = [
  'scan.run.succeeded',
  'scan.run.failed',
  'scan.drift.detected',
  'compliance.evaluated',
  'datasource.created',
  'datasource.updated',
  'catalog.asset.updated',
  'workspace.resource.linked',
];

export interface WorkflowMeta {
  name: string;
  description: string;
  enabled: boolean;
}

function ParameterRow({
  param,
  index,
  onChange,
  onRemove,
  readOnly,
  errors,
}: {
  param: DraftParameter;
  index: number;
  onChange: (p: DraftParameter) => void;
  onRemove: () => void;
  readOnly: boolean;
  errors: string[];
}) {
  const id = `param-${index}`;
  return (
    <li className="grid gap-2 rounded-md border p-2.5" data-testid="parameter-row" data-name={param.name}>
      <div className="grid grid-cols-[1fr_8rem_auto] items-end gap-2">
        <Field label="Name" htmlFor={`${id}-name`}>
          <Input id={`${id}-name`} value={param.name} className="font-mono text-xs" disabled={readOnly} onChange={(e) => onChange({ ...param, name: e.target.value })} />
        </Field>
        <Field label="Type" htmlFor={`${id}-type`}>
          <Select
            value={param.type}
            disabled={readOnly}
            onValueChange={(v) => onChange({ ...param, type: v as ParameterType, default: undefined })}
          >
            <SelectTrigger id={`${id}-type`}>
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              {parameterTypes.map((t) => (
                <SelectItem key={t.value} value={t.value}>
                  {t.label}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </Field>
        {readOnly ? null : (
          <Button variant="ghost" size="icon" onClick={onRemove} aria-label={`Remove parameter ${param.name}`}>
            <Trash2 />
          </Button>
        )}
      </div>
      <div className="grid grid-cols-[1fr_1fr] items-end gap-2">
        <Field label="Label" htmlFor={`${id}-label`}>
          <Input id={`${id}-label`} value={param.label ?? ''} disabled={readOnly} onChange={(e) => onChange({ ...param, label: e.target.value || undefined })} />
        </Field>
        <Field label="Default" htmlFor={`${id}-default`}>
          {param.type === 'boolean' ? (
            <Select
              value={param.default === undefined ? 'none' : String(param.default)}
              disabled={readOnly}
              onValueChange={(v) => onChange({ ...param, default: v === 'none' ? undefined : v === 'true' })}
            >
              <SelectTrigger id={`${id}-default`}>
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                <SelectItem value="none">None</SelectItem>
                <SelectItem value="true">Yes</SelectItem>
                <SelectItem value="false">No</SelectItem>
              </SelectContent>
            </Select>
          ) : (
            <Input
              id={`${id}-default`}
              value={param.default === undefined ? '' : String(param.default)}
              disabled={readOnly}
              inputMode={param.type === 'number' ? 'decimal' : undefined}
              onChange={(e) => {
                const raw = e.target.value;
                const value = raw === '' ? undefined : param.type === 'number' && Number.isFinite(Number(raw)) ? Number(raw) : raw;
                onChange({ ...param, default: value });
              }}
            />
          )}
        </Field>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <Checkbox checked={param.required} disabled={readOnly} onCheckedChange={(c) => onChange({ ...param, required: c === true })} />
        Required when starting a run
      </label>
      {errors.length ? (
        <p role="alert" className="text-xs text-destructive">
          {errors.join(' · ')}
        </p>
      ) : null}
    </li>
  );
}

/**
 * The workflow as a whole, shown when no step is selected: name and
 * description, typed parameters, and triggers (manual, cron with its
 * schedule in words, an activity event, a webhook with its URL and a secret
 * rotated on demand and shown once).
 */
export function WorkflowPanel({
  workflowId,
  meta,
  onMetaChange,
  draft,
  onDraftChange,
  issues,
  webhookPath,
  canManage,
  readOnly,
}: {
  workflowId: string;
  meta: WorkflowMeta;
  onMetaChange: (meta: WorkflowMeta) => void;
  draft: DraftDefinition;
  onDraftChange: (draft: DraftDefinition) => void;
  issues: PlacedIssues['workflow'];
  /** Where the saved workflow listens, when its webhook trigger is on. */
  webhookPath: string | null;
  canManage: boolean;
  readOnly: boolean;
}) {
  const trpc = useTRPC();
  const [secret, setSecret] = React.useState<{ secret: string; path: string } | null>(null);
  const rotate = useMutation(
    trpc.workflow.rotateWebhookSecret.mutationOptions({
      onSuccess: (result) => {
        setSecret(result);
        toast.success('New webhook secret: copy it now, it is shown only once');
      },
      onError: (error) => toast.fromError(error, 'Could not rotate the webhook secret'),
    }),
  );
  const t = draft.triggers;
  const setTriggers = (patch: Partial<DraftDefinition['triggers']>) => onDraftChange({ ...draft, triggers: { ...t, ...patch } });
  const setParams = (parameters: DraftParameter[]) => onDraftChange({ ...draft, parameters });
  const cron = t.cron?.trim() ? describeCron(t.cron) : null;
  const origin = typeof window === 'undefined' ? '' : window.location.origin;
  const issuesAt = (prefix: string) => issues.filter((i) => i.path.startsWith(prefix)).map((i) => i.message);
  const general = issues.filter((i) => i.section === '');

  return (
    <div className="grid min-w-0 gap-5 [&_section>*]:min-w-0" data-testid="workflow-panel">
      <section className="grid gap-3">
        <h2 className="text-base font-semibold">Workflow</h2>
        {general.length ? (
          <div className="rounded-md border border-destructive/40 bg-destructive/10 px-3 py-2 text-xs text-destructive" role="alert" data-testid="workflow-issues">
            {general.map((i) => (
              <div key={i.path + i.message}>{i.message}</div>
            ))}
          </div>
        ) : null}
        <Field label="Name" htmlFor="wf-name">
          <Input id="wf-name" value={meta.name} disabled={readOnly} onChange={(e) => onMetaChange({ ...meta, name: e.target.value })} />
        </Field>
        <Field label="Description" htmlFor="wf-description">
          <Textarea id="wf-description" rows={2} value={meta.description} disabled={readOnly} onChange={(e) => onMetaChange({ ...meta, description: e.target.value })} />
        </Field>
        <div className="flex items-center justify-between gap-3">
          <Label htmlFor="wf-enabled">Enabled</Label>
          <Switch id="wf-enabled" checked={meta.enabled} disabled={readOnly} onCheckedChange={(c) => onMetaChange({ ...meta, enabled: c })} />
        </div>
        <Field label="Most runs at once" htmlFor="wf-max" hint="Further runs queue. Empty: only the workspace quota applies.">
          <Input
            id="wf-max"
            type="number"
            min={1}
            max={100}
            value={draft.maxConcurrentExecutions ?? ''}
            disabled={readOnly}
            onChange={(e) => onDraftChange({ ...draft, maxConcurrentExecutions: e.target.value ? Number(e.target.value) : undefined })}
          />
        </Field>
      </section>

      <section className="grid gap-2 border-t pt-4" aria-label="Parameters">
        <div className="flex items-center justify-between">
          <h3 className="text-sm font-semibold">Parameters</h3>
          {readOnly ? null : (
            <Button
              size="sm"
              variant="outline"
              data-testid="add-parameter"
              onClick={() => {
                const taken = new Set(draft.parameters.map((p) => p.name));
                let n = draft.parameters.length + 1;
                while (taken.has(`param${n}`)) n++;
                setParams([...draft.parameters, { name: `param${n}`, type: 'string', required: false }]);
              }}
            >
              <Plus />
              Add
            </Button>
          )}
        </div>
        {draft.parameters.length === 0 ? (
          <p className="text-sm text-muted-foreground">
            None. A run asks for each parameter; steps read them as <code className="font-mono">{'{{ params.name }}'}</code>.
          </p>
        ) : (
          <ul className="grid gap-2">
            {draft.parameters.map((p, i) => (
              <ParameterRow
                key={i}
                index={i}
                param={p}
                readOnly={readOnly}
                errors={issuesAt(`parameters[${i}]`)}
                onChange={(next) => setParams(draft.parameters.map((q, j) => (j === i ? next : q)))}
                onRemove={() => setParams(draft.parameters.filter((_, j) => j !== i))}
              />
            ))}
          </ul>
        )}
      </section>

      <section className="grid gap-3 border-t pt-4" aria-label="Triggers">
        <h3 className="text-sm font-semibold">Triggers</h3>
        <div className="flex items-center justify-between gap-3">
          <Label htmlFor="wf-manual">Manual runs</Label>
          <Switch id="wf-manual" checked={t.manual} disabled={readOnly} onCheckedChange={(c) => setTriggers({ manual: c })} />
        </div>
        <Field label="Schedule (cron, UTC)" htmlFor="wf-cron" error={issuesAt('triggers.cron').join(' · ') || (cron && !cron.ok ? cron.error : undefined)}>
          <Input id="wf-cron" value={t.cron ?? ''} placeholder="e.g. 0 2 * * *" className="font-mono text-xs" disabled={readOnly} onChange={(e) => setTriggers({ cron: e.target.value || undefined })} />
        </Field>
        {cron?.ok ? (
          <p className="-mt-2 text-xs text-muted-foreground" data-testid="cron-preview">
            {cron.text}
          </p>
        ) : null}
        <Field label="On an activity event" htmlFor="wf-event" error={issuesAt('triggers.event').join(' · ') || undefined} hint="Each matching event starts a run; none is missed.">
          <Input
            id="wf-event"
            list="wf-event-types"
            value={t.event?.type ?? ''}
            placeholder="e.g. scan.run.succeeded"
            className="font-mono text-xs"
            disabled={readOnly}
            onChange={(e) =>
              setTriggers({ event: e.target.value ? { sameWorkspace: true, ...t.event, type: e.target.value } : undefined })
            }
          />
          <datalist id="wf-event-types">
            {eventTypeSuggestions.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </Field>
        {t.event ? (
          <div className="-mt-1 grid gap-2 rounded-md border p-2.5">
            <label className="flex items-center gap-2 text-sm">
              <Checkbox
                checked={t.event.sameWorkspace}
                disabled={readOnly}
                onCheckedChange={(c) => setTriggers({ event: { ...t.event!, sameWorkspace: c === true } })}
              />
              Only events of this workflow’s workspace
            </label>
            <Field label="Event condition" htmlFor="wf-event-condition">
              <Input
                id="wf-event-condition"
                value={t.event.condition ?? ''}
                placeholder='e.g. event.resourceId = "…"'
                className="font-mono text-xs"
                disabled={readOnly}
                onChange={(e) => setTriggers({ event: { ...t.event!, condition: e.target.value || undefined } })}
              />
            </Field>
          </div>
        ) : null}
        <div className="flex items-center justify-between gap-3">
          <Label htmlFor="wf-webhook">Webhook</Label>
          <Switch id="wf-webhook" checked={t.webhook} disabled={readOnly} onCheckedChange={(c) => setTriggers({ webhook: c })} />
        </div>
        {t.webhook ? (
          <div className="grid min-w-0 gap-2 rounded-md border p-2.5 text-xs" data-testid="webhook-box">
            {webhookPath ? (
              <div className="flex items-center gap-1">
                <code className="min-w-0 flex-1 truncate font-mono">POST {origin + webhookPath}</code>
                <CopyButton value={origin + webhookPath} label="Copy the webhook URL" />
              </div>
            ) : (
              <p className="text-muted-foreground">Save to get the workflow’s URL.</p>
            )}
            <p className="text-muted-foreground">
              Sign each body with HMAC-SHA256 and the secret, in <code className="font-mono">X-Racine-Signature: sha256=&lt;hex&gt;</code>.
            </p>
            {secret ? (
              <div className="grid gap-1 rounded border border-warning/50 bg-warning/10 p-2" data-testid="webhook-secret">
                <span className="font-medium">Secret (shown only now):</span>
                <div className="flex items-center gap-1">
                  <code className="min-w-0 flex-1 break-all font-mono">{secret.secret}</code>
                  <CopyButton value={secret.secret} label="Copy the secret" />
                </div>
              </div>
            ) : null}
            {canManage && webhookPath ? (
              <Button
                size="sm"
                variant="outline"
                className="justify-self-start"
                disabled={rotate.isPending}
                onClick={() => rotate.mutate({ id: workflowId })}
                data-testid="rotate-secret"
              >
                <KeyRound />
                {secret ? 'Rotate again' : 'Rotate secret'}
              </Button>
            ) : null}
          </div>
        ) : null}
      </section>
    </div>
  );
}
