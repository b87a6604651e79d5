'use client';
import * as React from 'react';
import { Trash2, X } from 'lucide-react';
import {
  Badge,
  Button,
  Field,
  Input,
  Label,
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
  Textarea,
} from '@racine/ui';
import { ConfigFields } from './builder-config-form';
import { stepIdProblem, wouldCycle } from './builder-graph';
import type { StepIssues } from './builder-issues';
import { describeSchema } from './builder-schema';
import type { DraftParameter, DraftStep, StepTypeInfo } from './builder-types';
import { groupIcon } from './canvas-node';

/** Steps this one transitively depends on: the ones whose outputs its condition and templates may read. */
export function ancestorsOf(steps: readonly DraftStep[], id: string): string[] {
  const byId = new Map(steps.map((s) => [s.id, s]));
  const seen = new Set<string>();
  const stack = [...(byId.get(id)?.dependsOn ?? [])];
  while (stack.length) {
    const d = stack.pop()!;
    if (seen.has(d) || !byId.has(d)) continue;
    seen.add(d);
    stack.push(...byId.get(d)!.dependsOn);
  }
  return steps.filter((s) => seen.has(s.id)).map((s) => s.id);
}

const messages = (m: string[] | undefined) =>
  m?.length ? (
    <p role="alert" className="text-xs text-destructive">
      {m.join(' · ')}
    </p>
  ) : null;

/**
 * The side panel of the selected step: its id (renaming follows it in
 * dependencies and templates), name, the config form generated from its
 * type's schema, condition, retry and timeout, with the problems validation
 * found on each field.
 */
export function StepPanel({
  step,
  steps,
  stepTypes,
  workspaceId,
  parameters,
  issues,
  readOnly,
  onChange,
  onRename,
  onDelete,
  onClose,
}: {
  step: DraftStep;
  steps: readonly DraftStep[];
  stepTypes: ReadonlyMap<string, StepTypeInfo>;
  workspaceId: string | undefined;
  parameters: readonly DraftParameter[];
  issues: StepIssues | undefined;
  readOnly: boolean;
  onChange: (step: DraftStep) => void;
  onRename: (id: string) => void;
  onDelete: () => void;
  onClose: () => void;
}) {
  const info = stepTypes.get(step.type);
  const fields = React.useMemo(() => describeSchema(info?.configSchema), [info]);
  const [idDraft, setIdDraft] = React.useState(step.id);
  React.useEffect(() => setIdDraft(step.id), [step.id]);
  const idProblem = idDraft === step.id ? null : stepIdProblem(steps, step.id, idDraft);
  const Icon = groupIcon[info?.group ?? 'control'] ?? groupIcon.control!;
  const prefix = `step-${step.id}`;
  const ancestors = ancestorsOf(steps, step.id);
  const readable = [
    ...parameters.map((p) => `params.${p.name}`),
    ...ancestors.flatMap((a) => {
      const t = stepTypes.get(steps.find((s) => s.id === a)!.type);
      return Object.keys(t?.output ?? {}).map((f) => `steps.${a}.${f}`);
    }),
  ];
  const set = (patch: Partial<DraftStep>) => onChange({ ...step, ...patch });
  const f = issues?.fields;

  return (
    <div className="grid gap-4" data-testid="step-panel" data-step-id={step.id}>
      <div className="flex items-start gap-2">
        <Icon className="mt-0.5 size-5 text-muted-foreground" aria-hidden />
        <div className="min-w-0 flex-1">
          <h2 className="truncate text-base font-semibold">{info?.title ?? step.type}</h2>
          <p className="font-mono text-xs text-muted-foreground">{step.type}</p>
        </div>
        <Button variant="ghost" size="icon-sm" onClick={onClose} aria-label="Close the step panel">
          <X />
        </Button>
      </div>
      {info?.description ? <p className="-mt-2 text-sm text-muted-foreground">{info.description}</p> : null}
      {!info ? <p className="text-sm text-destructive">This step type is not known to the server.</p> : null}
      {issues?.general.length ? (
        <div className="rounded-md border border-destructive/40 bg-destructive/10 px-3 py-2 text-xs text-destructive" role="alert" data-testid="step-issues">
          {issues.general.map((m) => (
            <div key={m}>{m}</div>
          ))}
        </div>
      ) : null}

      <div className="grid grid-cols-2 gap-3">
        <Field label="Step id" htmlFor={`${prefix}-id`} error={idProblem ?? f?.get('id')?.join(' · ')}>
          <Input
            id={`${prefix}-id`}
            value={idDraft}
            className="font-mono text-xs"
            disabled={readOnly}
            onChange={(e) => setIdDraft(e.target.value)}
            onBlur={() => {
              if (idDraft !== step.id && !stepIdProblem(steps, step.id, idDraft)) onRename(idDraft);
              else setIdDraft(step.id);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
            }}
          />
        </Field>
        <Field label="Name" htmlFor={`${prefix}-name`} error={f?.get('name')?.join(' · ')}>
          <Input
            id={`${prefix}-name`}
            value={step.name ?? ''}
            placeholder={info?.title}
            disabled={readOnly}
            onChange={(e) => set({ name: e.target.value || undefined })}
          />
        </Field>
      </div>

      <section className="grid gap-3" aria-label="Configuration">
        <h3 className="text-sm font-semibold">Configuration</h3>
        <ConfigFields
          fields={fields}
          value={step.config}
          onChange={(config) => set({ config })}
          ctx={{ workspaceId, parameters, errors: issues?.config ?? new Map(), readOnly, idPrefix: prefix }}
        />
        <p className="text-xs text-muted-foreground">
          Text fields take templates: <code className="font-mono">{'{{ params.name }}'}</code>,{' '}
          <code className="font-mono">{'{{ steps.<id>.<field> }}'}</code>.
        </p>
      </section>

      <section className="grid gap-3 border-t pt-4" aria-label="Behaviour">
        <h3 className="text-sm font-semibold">When and how it runs</h3>
        <div className="grid gap-1.5">
          <Label htmlFor={`${prefix}-condition`}>Condition</Label>
          <Textarea
            id={`${prefix}-condition`}
            rows={2}
            className="font-mono text-xs"
            value={step.condition ?? ''}
            placeholder="Always runs. e.g. steps.scan_run.labelsSuggested > 0"
            disabled={readOnly}
            aria-invalid={f?.get('condition')?.length ? true : undefined}
            onChange={(e) => set({ condition: e.target.value || undefined })}
          />
          {messages(f?.get('condition')) ?? (
            <p className="text-xs text-muted-foreground">
              {readable.length ? (
                <>
                  Skipped when false. Can read{' '}
                  {readable.slice(0, 8).map((r, i) => (
                    <React.Fragment key={r}>
                      {i ? ', ' : ''}
                      <code className="font-mono">{r}</code>
                    </React.Fragment>
                  ))}
                  {readable.length > 8 ? ` and ${readable.length - 8} more` : ''}.
                </>
              ) : (
                'Skipped when false. Connect earlier steps or add parameters to have something to test.'
              )}
            </p>
          )}
        </div>
        <div className="grid grid-cols-3 gap-3">
          <Field label="Attempts" htmlFor={`${prefix}-attempts`} error={f?.get('retry')?.join(' · ')}>
            <Input
              id={`${prefix}-attempts`}
              type="number"
              min={1}
              max={20}
              value={step.retry?.attempts ?? ''}
              placeholder="1"
              disabled={readOnly}
              onChange={(e) => {
                const n = Number(e.target.value);
                if (!e.target.value) set({ retry: undefined });
                else set({ retry: { backoffMs: 1000, ...step.retry, attempts: n } });
              }}
            />
          </Field>
          <Field label="Backoff (ms)" htmlFor={`${prefix}-backoff`}>
            <Input
              id={`${prefix}-backoff`}
              type="number"
              min={0}
              step={500}
              value={step.retry?.backoffMs ?? ''}
              placeholder="1000"
              disabled={readOnly || !step.retry}
              title="Delay before the second attempt; doubles each time, with jitter"
              onChange={(e) => set({ retry: { attempts: step.retry?.attempts ?? 1, ...step.retry, backoffMs: Number(e.target.value || 0) } })}
            />
          </Field>
          <Field label="Timeout (s)" htmlFor={`${prefix}-timeout`} error={f?.get('timeoutMs')?.join(' · ')}>
            <Input
              id={`${prefix}-timeout`}
              type="number"
              min={1}
              value={step.timeoutMs ? step.timeoutMs / 1000 : ''}
              placeholder="none"
              disabled={readOnly}
              onChange={(e) => set({ timeoutMs: e.target.value ? Math.round(Number(e.target.value) * 1000) : undefined })}
            />
          </Field>
        </div>
        <div className="grid gap-1.5" data-testid="depends-on">
          <Label htmlFor={`${prefix}-after`}>Runs after</Label>
          <div className="flex flex-wrap items-center gap-1.5">
            {step.dependsOn.length === 0 ? <span className="text-xs text-muted-foreground">Nothing: it starts first.</span> : null}
            {step.dependsOn.map((d) => (
              <Badge key={d} variant="outline" className="gap-1 font-mono">
                {d}
                {readOnly ? null : (
                  <button
                    type="button"
                    className="rounded-sm hover:text-destructive"
                    aria-label={`No longer run after ${d}`}
                    onClick={() => set({ dependsOn: step.dependsOn.filter((x) => x !== d) })}
                  >
                    <X className="size-3" />
                  </button>
                )}
              </Badge>
            ))}
          </div>
          {readOnly ? null : (
            // The keyboard way to connect steps (the canvas needs a pointer to drag between handles).
            <Select
              value=""
              onValueChange={(d) => set({ dependsOn: [...step.dependsOn, d] })}
            >
              <SelectTrigger id={`${prefix}-after`} className="h-8 text-xs">
                <SelectValue placeholder="Add a step it waits for…" />
              </SelectTrigger>
              <SelectContent>
                {steps
                  .filter((s) => s.id !== step.id && !step.dependsOn.includes(s.id))
                  .map((s) => {
                    const cycle = wouldCycle(steps, s.id, step.id);
                    return (
                      <SelectItem key={s.id} value={s.id} disabled={cycle}>
                        <span className="font-mono text-xs">{s.id}</span>
                        {cycle ? <span className="ml-1 text-xs text-muted-foreground">(runs after this one)</span> : null}
                      </SelectItem>
                    );
                  })}
              </SelectContent>
            </Select>
          )}
          {messages(f?.get('dependsOn'))}
        </div>
        {messages(f?.get('type'))}
      </section>

      {readOnly ? null : (
        <Button variant="outline" className="justify-self-start text-destructive" onClick={onDelete} data-testid="delete-step">
          <Trash2 />
          Delete step
        </Button>
      )}
    </div>
  );
}
