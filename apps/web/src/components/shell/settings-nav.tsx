'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@racine/ui';

/** The caller's own settings, one page each; the layout shows this bar above every one of them. */
export const settingsPages = [
  { href: '/settings/profile', label: 'Profile' },
  { href: '/settings/security', label: 'Security' },
  { href: '/settings/sessions', label: 'Sessions' },
  { href: '/settings/notifications', label: 'Notifications' },
  { href: '/settings/tokens', label: 'API tokens' },
  { href: '/settings/permissions', label: 'Permissions' },
  { href: '/settings/access', label: 'Access' },
  { href: '/settings/attestations', label: 'Attestations' },
  { href: '/settings/activity', label: 'My activity' },
] as const;

export function SettingsNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Settings" className="mb-6 flex gap-1 overflow-x-auto border-b text-sm">
      {settingsPages.map((p) => {
        const active = pathname === p.href || pathname.startsWith(`${p.href}/`);
        return (
          <Link
            key={p.href}
            href={p.href}
            aria-current={active ? 'page' : undefined}
            className={cn(
              '-mb-px whitespace-nowrap border-b-2 border-transparent px-3 py-2 font-medium text-muted-foreground transition-colors hover:text-foreground',
              active && 'border-primary text-foreground',
            )}
          >
            {p.label}
          </Link>
        );
      })}
    </nav>
  );
}
