'use client';
import * as React from 'react';
import { Menu, Search } from 'lucide-react';
import { Button, cn, Skeleton } from '@racine/ui';
import { useHydrated } from '~/lib/use-hydrated';
import { AppSidebar } from './app-sidebar';
import { CommandMenu } from './command-menu';
import { HealthIndicator } from './health-indicator';
import { NotificationBell } from '~/features/notifications/notification-bell';
import { UserMenu } from './user-menu';
import { type SessionUser, SessionUserProvider } from './current-user';
import { WorkspaceProvider } from './workspace-context';
import { AccountPreferencesSync } from '~/features/account/account-sync';
import { MfaRequiredGate } from '~/features/account/mfa-required-banner';
import { AttestationBanner } from '~/features/attestations/attestation-banner';
import { GuestBanner } from '~/features/guests/guest-banner';
import { AssistantButton, AssistantProvider, AssistantSheet } from '~/features/assistant';

export function AppShell(props: { user: SessionUser; children: React.ReactNode }) {
  // Outside the rest: the header button, the palette and the panel share one assistant.
  return (
    <AssistantProvider>
      <Shell {...props} />
    </AssistantProvider>
  );
}

function Shell({ user, children }: { user: SessionUser; children: React.ReactNode }) {
  const [paletteOpen, setPaletteOpen] = React.useState(false);
  const [mobileNavOpen, setMobileNavOpen] = React.useState(false);
  // Pages render from client-side query data. The shell hydrates first and starts
  // its queries; a page hydrating later (it sits in a Suspense boundary) could see
  // that data already and render differently from the server. So pages mount
  // right after hydration, and the server sends a skeleton in their place.
  const hydrated = useHydrated();
  return (
    <SessionUserProvider user={user}>
      <WorkspaceProvider>
        <div className="flex h-dvh overflow-hidden">
          <AppSidebar className="hidden md:flex" />
          {/* Small screens: the same sidebar as an overlay. */}
          <div
            className={cn('fixed inset-0 z-40 md:hidden', mobileNavOpen ? 'block' : 'hidden')}
            onClick={() => setMobileNavOpen(false)}
          >
            <div className="absolute inset-0 bg-black/40" />
            <div className="relative h-full w-64" onClick={(e) => e.stopPropagation()}>
              <AppSidebar className="w-64 shadow-xl" onNavigate={() => setMobileNavOpen(false)} />
            </div>
          </div>
          <div className="flex min-w-0 flex-1 flex-col">
            <header className="flex h-14 shrink-0 items-center gap-2 border-b bg-background/80 px-3 backdrop-blur md:px-5">
              <Button
                variant="ghost"
                size="icon-sm"
                className="md:hidden"
                aria-label="Open navigation"
                onClick={() => setMobileNavOpen(true)}
              >
                <Menu />
              </Button>
              <button
                type="button"
                data-testid="command-palette-trigger"
                onClick={() => setPaletteOpen(true)}
                className="flex h-8 w-full max-w-sm items-center gap-2 rounded-md border bg-muted/40 px-2.5 text-sm text-muted-foreground outline-none hover:bg-muted focus-visible:ring-2 focus-visible:ring-ring/40 cursor-pointer"
              >
                <Search className="size-4" />
                <span className="flex-1 text-left">Search or run a command…</span>
                <kbd className="hidden rounded border bg-background px-1.5 text-[10px] sm:inline">
                  Ctrl K
                </kbd>
              </button>
              <div className="ml-auto flex items-center gap-1">
                <HealthIndicator />
                <AssistantButton />
                <NotificationBell />
                <UserMenu />
              </div>
            </header>
            <main id="main" className="min-h-0 flex-1 overflow-y-auto">
              <div className="mx-auto w-full max-w-6xl px-4 py-6 md:px-8 md:py-8">
                {hydrated ? <AttestationBanner /> : null}
                {hydrated ? <GuestBanner /> : null}
                {hydrated ? <MfaRequiredGate>{children}</MfaRequiredGate> : <PageSkeleton />}
              </div>
            </main>
          </div>
        </div>
        <CommandMenu open={paletteOpen} onOpenChange={setPaletteOpen} />
        {hydrated ? <AssistantSheet /> : null}
        <AccountPreferencesSync />
      </WorkspaceProvider>
    </SessionUserProvider>
  );
}

function PageSkeleton() {
  return (
    <div aria-busy="true" className="grid gap-4">
      <Skeleton className="h-8 w-64" />
      <Skeleton className="h-4 w-96 max-w-full" />
      <Skeleton className="mt-4 h-64 w-full" />
    </div>
  );
}
