'use client';
import * as React from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ThemeChoice, toast, useTheme } from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { setDisplayTimeZone } from '~/lib/format';

/**
 * Applies the saved profile to this browser: the theme (so it follows the
 * user from device to device) and the time zone dates are shown in. Renders
 * nothing; the app shell mounts it once.
 */
export function AccountPreferencesSync() {
  const trpc = useTRPC();
  const me = useQuery(trpc.user.me.queryOptions(undefined, { staleTime: 60_000 }));
  const { theme, setTheme } = useTheme();
  const savedTheme = me.data?.profile?.theme;
  const timeZone = me.data?.profile?.timeZone;

  // Only when the saved value changes (load, or a save elsewhere): a local toggle saves itself.
  const themeRef = React.useRef(theme);
  themeRef.current = theme;
  React.useEffect(() => {
    if (savedTheme && savedTheme !== themeRef.current) setTheme(savedTheme);
  }, [savedTheme, setTheme]);

  React.useEffect(() => setDisplayTimeZone(timeZone), [timeZone]);
  return null;
}

/** Saves a theme picked in the user menu to the profile, so the profile page and other devices agree. */
export function useSaveTheme() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const save = useMutation(
    trpc.user.updateProfile.mutationOptions({
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries(trpc.user.me.pathFilter()),
          queryClient.invalidateQueries(trpc.user.profile.pathFilter()),
        ]),
      onError: (error) => toast.fromError(error, 'Could not save the theme to your profile'),
    }),
  );
  return (theme: ThemeChoice) => save.mutate({ theme });
}
