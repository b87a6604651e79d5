'use client';
import * as React from 'react';
import { Toaster as Sonner, toast as sonnerToast } from 'sonner';
import { useTheme } from 'next-themes';
import { errorMessage } from './error-state';

export function Toaster() {
  const { resolvedTheme } = useTheme();
  // The theme is only known in the browser; rendering after mount keeps hydration exact.
  const [mounted, setMounted] = React.useState(false);
  React.useEffect(() => setMounted(true), []);
  if (!mounted) return null;
  return (
    <Sonner
      theme={resolvedTheme === 'dark' ? 'dark' : 'light'}
      position="bottom-right"
      closeButton
      richColors
      toastOptions={{ className: 'text-sm' }}
    />
  );
}

/** sonner's toast, plus `toast.fromError(err)` that shows the server's message. */
export const toast = Object.assign(sonnerToast, {
  fromError(error: unknown, title = 'That did not work') {
    return sonnerToast.error(title, { description: errorMessage(error) });
  },
});
