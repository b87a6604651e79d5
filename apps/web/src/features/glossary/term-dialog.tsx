'use client';
import * as React from 'react';
import { useRouter } from 'next/navigation';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { User, X } from 'lucide-react';
import {
  Button,
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  Field,
  Input,
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
  Spinner,
  TagInput,
  Tabs,
  TabsContent,
  TabsList,
  TabsTrigger,
  Textarea,
  toast,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { applyServerFieldErrors } from '~/lib/form-errors';
import { Markdown } from '~/features/catalog/markdown';
import { PrincipalPicker } from '~/features/catalog/principal-picker';
import { LabelPicker } from './label-picker';
import { termFormSchema, type TermFormInput, type TermFormOutput } from './term-form';
import { termStatuses } from './types';

const NONE = '__none__';

export interface TermDialogTerm {
  id: string;
  name: string;
  definition: string;
  synonyms: string[];
  status: TermFormInput['status'];
  labels: string[];
  parent: { id: string; name: string } | null;
  owner: { id: string; name: string } | null;
}

/** Create a glossary term, or edit one (`term` set). */
export function TermDialog({
  open,
  onOpenChange,
  term,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  term?: TermDialogTerm;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const defaults = React.useMemo<TermFormInput>(
    () => ({
      name: term?.name ?? '',
      definition: term?.definition ?? '',
      synonyms: term?.synonyms ?? [],
      status: term?.status ?? 'draft',
      labels: term?.labels ?? [],
      parentId: term?.parent?.id ?? null,
      ownerId: term?.owner?.id ?? null,
    }),
    [term],
  );
  const [ownerName, setOwnerName] = React.useState<string | null>(term?.owner?.name ?? null);
  const form = useForm<TermFormInput, unknown, TermFormOutput>({
    resolver: zodResolver(termFormSchema),
    defaultValues: defaults,
  });
  React.useEffect(() => {
    if (open) {
      form.reset(defaults);
      setOwnerName(term?.owner?.name ?? null);
    }
  }, [open, defaults, form, term]);
  const { errors } = form.formState;
  const parents = useQuery({
    ...trpc.glossary.list.queryOptions({ limit: 200 }),
    enabled: open,
  });
  const done = async (name: string, id: string) => {
    toast.success(term ? `Term “${name}” saved` : `Term “${name}” created`);
    onOpenChange(false);
    await queryClient.invalidateQueries(trpc.glossary.pathFilter());
    await queryClient.invalidateQueries(trpc.catalog.pathFilter());
    if (!term) router.push(`/glossary/${id}`);
  };
  const onError = (error: unknown) => {
    if (!applyServerFieldErrors(error, form.setError))
      toast.fromError(error, term ? 'Could not save the term' : 'Could not create the term');
  };
  const create = useMutation(
    trpc.glossary.create.mutationOptions({
      onSuccess: (t) => done(t.name, t.id),
      onError,
    }),
  );
  const update = useMutation(
    trpc.glossary.update.mutationOptions({
      onSuccess: (t) => done(t.name, t.id),
      onError,
    }),
  );
  const pending = create.isPending || update.isPending;
  const onSubmit = form.handleSubmit((values) =>
    term ? update.mutate({ id: term.id, ...values }) : create.mutate(values),
  );
  const definition = form.watch('definition');

  return (
    <Dialog open={open} onOpenChange={(o) => !pending && onOpenChange(o)}>
      <DialogContent className="max-h-[90vh] overflow-y-auto sm:max-w-2xl" data-testid="term-dialog">
        <DialogHeader>
          <DialogTitle>{term ? `Edit “${term.name}”` : 'New glossary term'}</DialogTitle>
          <DialogDescription>
            A business word everyone should mean the same thing by, and the data it names.
          </DialogDescription>
        </DialogHeader>
        <form className="grid gap-4" onSubmit={onSubmit} noValidate>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Name" htmlFor="term-name" error={errors.name?.message}>
              <Input id="term-name" autoFocus aria-invalid={!!errors.name} {...form.register('name')} />
            </Field>
            <Field label="Status" htmlFor="term-status">
              <Controller
                control={form.control}
                name="status"
                render={({ field }) => (
                  <Select value={field.value} onValueChange={field.onChange}>
                    <SelectTrigger id="term-status">
                      <SelectValue />
                    </SelectTrigger>
                    <SelectContent>
                      {termStatuses.map((s) => (
                        <SelectItem key={s.value} value={s.value}>
                          {s.label}
                        </SelectItem>
                      ))}
                    </SelectContent>
                  </Select>
                )}
              />
            </Field>
          </div>
          <Field label="Definition" htmlFor="term-definition" error={errors.definition?.message} hint="Markdown">
            <Tabs defaultValue="write">
              <TabsList>
                <TabsTrigger value="write">Write</TabsTrigger>
                <TabsTrigger value="preview">Preview</TabsTrigger>
              </TabsList>
              <TabsContent value="write">
                <Textarea
                  id="term-definition"
                  rows={5}
                  className="font-mono text-xs"
                  placeholder="An email address a customer gave us to be contacted at…"
                  {...form.register('definition')}
                />
              </TabsContent>
              <TabsContent value="preview">
                <div className="min-h-24 rounded-md border p-3">
                  {definition?.trim() ? (
                    <Markdown>{definition}</Markdown>
                  ) : (
                    <p className="text-sm text-muted-foreground">Nothing to preview.</p>
                  )}
                </div>
              </TabsContent>
            </Tabs>
          </Field>
          <Field label="Synonyms" htmlFor="term-synonyms" error={errors.synonyms?.message} hint="Enter after each">
            <Controller
              control={form.control}
              name="synonyms"
              render={({ field }) => (
                <TagInput
                  id="term-synonyms"
                  aria-label="Synonyms"
                  value={field.value ?? []}
                  onChange={field.onChange}
                  chipClassName="font-sans"
                  placeholder="e-mail, contact address"
                />
              )}
            />
          </Field>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Parent term" htmlFor="term-parent" error={errors.parentId?.message}>
              <Controller
                control={form.control}
                name="parentId"
                render={({ field }) => (
                  <Select
                    value={field.value ?? NONE}
                    onValueChange={(v) => field.onChange(v === NONE ? null : v)}
                  >
                    <SelectTrigger id="term-parent">
                      <SelectValue />
                    </SelectTrigger>
                    <SelectContent>
                      <SelectItem value={NONE}>None (top level)</SelectItem>
                      {(parents.data?.items ?? [])
                        .filter((t) => t.id !== term?.id)
                        .map((t) => (
                          <SelectItem key={t.id} value={t.id}>
                            {t.name}
                          </SelectItem>
                        ))}
                    </SelectContent>
                  </Select>
                )}
              />
            </Field>
            <Field label="Owner" htmlFor="term-owner" error={errors.ownerId?.message}>
              <Controller
                control={form.control}
                name="ownerId"
                render={({ field }) =>
                  field.value ? (
                    <div className="flex h-9 items-center gap-2 rounded-md border px-2 text-sm">
                      <User className="size-4 text-muted-foreground" />
                      <span className="flex-1 truncate">{ownerName ?? 'Someone'}</span>
                      <button
                        type="button"
                        aria-label="Remove the owner"
                        className="cursor-pointer opacity-60 hover:opacity-100"
                        onClick={() => field.onChange(null)}
                      >
                        <X className="size-3.5" />
                      </button>
                    </div>
                  ) : (
                    <PrincipalPicker
                      usersOnly
                      label="Pick an owner"
                      onPick={(p) => {
                        setOwnerName(p.name);
                        field.onChange(p.id);
                      }}
                    />
                  )
                }
              />
            </Field>
          </div>
          <Field
            label="Classification labels"
            htmlFor="term-labels"
            hint="Assets carrying these labels show on the term’s page."
          >
            <Controller
              control={form.control}
              name="labels"
              render={({ field }) => (
                <LabelPicker id="term-labels" value={field.value ?? []} onChange={field.onChange} />
              )}
            />
          </Field>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" disabled={pending} data-testid="term-submit">
              {pending ? <Spinner /> : null}
              {term ? 'Save' : 'Create term'}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
