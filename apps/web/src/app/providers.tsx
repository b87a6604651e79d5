'use client';
import * as React from 'react';
import { ThemeProvider, Toaster, TooltipProvider } from '@racine/ui';
import { TRPCReactProvider } from '~/trpc/react';

export function Providers({ children }: { children: React.ReactNode }) {
  return (
    <ThemeProvider>
      <TRPCReactProvider>
        <TooltipProvider delayDuration={250}>
          {children}
          <Toaster />
        </TooltipProvider>
      </TRPCReactProvider>
    </ThemeProvider>
  );
}
