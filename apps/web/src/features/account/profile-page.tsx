'use client';
import * as React from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Controller, useForm } from 'react-hook-form';
import {
  Badge,
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  ErrorState,
  Field,
  Input,
  PageHeader,
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
  Skeleton,
  Spinner,
  toast,
  useTheme,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import type { RouterOutputs } from '~/trpc/types';
import { applyServerFieldErrors } from '~/lib/form-errors';
import { formatDate } from '~/lib/format';
import { useWorkspaces } from '~/components/shell/workspace-context';

type Profile = RouterOutputs['user']['profile'];
interface Values {
  name: string;
  title: string;
  department: string;
  timeZone: string;
  theme: 'light' | 'dark' | 'system';
  defaultWorkspaceId: string;
}

const NO_WORKSPACE = 'none';
const themes = [
  { value: 'system', label: 'Follow the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
] as const;
// Every zone this browser knows; the server checks against its own list too.
const zoneList = [...new Set(['UTC', ...Intl.supportedValuesOf('timeZone')])];

const valuesOf = (p: Profile): Values => ({
  name: p.name,
  title: p.profile.title ?? '',
  department: p.profile.department ?? '',
  timeZone: p.profile.timeZone,
  theme: p.profile.theme,
  defaultWorkspaceId: p.profile.defaultWorkspaceId ?? NO_WORKSPACE,
});

export function ProfilePage() {
  const trpc = useTRPC();
  const profile = useQuery(trpc.user.profile.queryOptions());
  return (
    <>
      <PageHeader breadcrumb="Settings" title="Profile" description="How you appear to others, and how Racine looks and shows dates for you." />
      {profile.isPending ? (
        <Skeleton className="h-96 w-full" />
      ) : profile.error ? (
        <ErrorState error={profile.error} onRetry={() => void profile.refetch()} />
      ) : (
        <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
          <ProfileForm profile={profile.data} />
          <AccountSummary profile={profile.data} />
        </div>
      )}
    </>
  );
}

function ProfileForm({ profile }: { profile: Profile }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { setTheme } = useTheme();
  const { workspaces } = useWorkspaces();
  const form = useForm<Values>({ defaultValues: valuesOf(profile) });
  const { errors, isDirty } = form.formState;

  const save = useMutation(
    trpc.user.updateProfile.mutationOptions({
      onSuccess: async (saved) => {
        setTheme(saved.profile.theme);
        toast.success('Profile saved');
        await Promise.all([
          queryClient.invalidateQueries(trpc.user.profile.pathFilter()),
          queryClient.invalidateQueries(trpc.user.me.pathFilter()),
        ]);
        form.reset({ ...form.getValues() });
      },
      onError: (error) => {
        if (!applyServerFieldErrors(error, form.setError)) toast.fromError(error, 'Could not save the profile');
      },
    }),
  );

  const onSubmit = form.handleSubmit((v) => {
    if (!zoneList.includes(v.timeZone)) {
      form.setError('timeZone', { message: 'Pick a time zone from the list, e.g. Europe/Paris or UTC' });
      return;
    }
    save.mutate({
      name: v.name.trim(),
      title: v.title.trim() || null,
      department: v.department.trim() || null,
      timeZone: v.timeZone,
      theme: v.theme,
      defaultWorkspaceId: v.defaultWorkspaceId === NO_WORKSPACE ? null : v.defaultWorkspaceId,
    });
  });

  return (
    <Card>
      <CardHeader>
        <CardTitle>Your details</CardTitle>
        <CardDescription>Your name shows on comments, tasks and the activity log.</CardDescription>
      </CardHeader>
      <CardContent>
        <form className="grid gap-4" onSubmit={onSubmit} noValidate data-testid="profile-form">
          <Field label="Name" htmlFor="profile-name" error={errors.name?.message}>
            <Input id="profile-name" aria-invalid={!!errors.name} {...form.register('name', { required: 'Name is required' })} />
          </Field>
          <div className="grid items-start gap-4 sm:grid-cols-2">
            <Field label="Title" htmlFor="profile-title" error={errors.title?.message}>
              <Input id="profile-title" placeholder="Data steward" {...form.register('title')} />
            </Field>
            <Field label="Department" htmlFor="profile-department" error={errors.department?.message}>
              <Input id="profile-department" placeholder="Finance" {...form.register('department')} />
            </Field>
          </div>
          <div className="grid items-start gap-4 sm:grid-cols-2">
            <Field label="Time zone" htmlFor="profile-timezone" error={errors.timeZone?.message} hint="Dates across Racine show in this zone.">
              <Input id="profile-timezone" list="profile-timezones" autoComplete="off" aria-invalid={!!errors.timeZone} {...form.register('timeZone')} />
              <datalist id="profile-timezones">
                {zoneList.map((z) => (
                  <option key={z} value={z} />
                ))}
              </datalist>
            </Field>
            <Field label="Theme" htmlFor="profile-theme">
              <Controller
                control={form.control}
                name="theme"
                render={({ field }) => (
                  <Select value={field.value} onValueChange={field.onChange}>
                    <SelectTrigger id="profile-theme" aria-label="Theme">
                      <SelectValue />
                    </SelectTrigger>
                    <SelectContent>
                      {themes.map((t) => (
                        <SelectItem key={t.value} value={t.value}>
                          {t.label}
                        </SelectItem>
                      ))}
                    </SelectContent>
                  </Select>
                )}
              />
            </Field>
          </div>
          <Field
            label="Default workspace"
            htmlFor="profile-workspace"
            error={errors.defaultWorkspaceId?.message}
            hint="The workspace Racine opens in when you have not picked one on this device."
          >
            <Controller
              control={form.control}
              name="defaultWorkspaceId"
              render={({ field }) => (
                <Select value={field.value} onValueChange={field.onChange}>
                  <SelectTrigger id="profile-workspace" aria-label="Default workspace">
                    <SelectValue />
                  </SelectTrigger>
                  <SelectContent>
                    <SelectItem value={NO_WORKSPACE}>No default (the first one)</SelectItem>
                    {workspaces.map((w) => (
                      <SelectItem key={w.id} value={w.id}>
                        {w.name}
                      </SelectItem>
                    ))}
                  </SelectContent>
                </Select>
              )}
            />
          </Field>
          <div className="flex justify-end gap-2">
            <Button type="button" variant="outline" disabled={!isDirty || save.isPending} onClick={() => form.reset(valuesOf(profile))}>
              Discard changes
            </Button>
            <Button type="submit" disabled={save.isPending}>
              {save.isPending ? <Spinner /> : null}
              Save profile
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}

function AccountSummary({ profile }: { profile: Profile }) {
  return (
    <Card className="self-start">
      <CardHeader>
        <CardTitle>Account</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-3 text-sm">
        <div>
          <div className="text-muted-foreground">Email</div>
          <div className="font-medium break-all">{profile.email}</div>
        </div>
        <div>
          <div className="text-muted-foreground">Global roles</div>
          <div className="mt-1 flex flex-wrap gap-1">
            {profile.roles.length ? profile.roles.map((r) => <Badge key={r} variant={r === 'admin' ? 'default' : 'secondary'}>{r}</Badge>) : <span>none</span>}
            {profile.isGuest ? <Badge variant="warning">guest</Badge> : null}
          </div>
        </div>
        <div>
          <div className="text-muted-foreground">Two-factor authentication</div>
          <div className="mt-1">{profile.mfa.enabled ? <Badge variant="success">on</Badge> : <Badge variant="secondary">off</Badge>}</div>
        </div>
        <div>
          <div className="text-muted-foreground">Member since</div>
          <div>{formatDate(profile.createdAt)}</div>
        </div>
      </CardContent>
    </Card>
  );
}
