'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import {
  cn,
  Sidebar,
  SidebarContent,
  SidebarFooter,
  SidebarGroup,
  SidebarHeader,
  SidebarItem,
  sidebarItemClass,
  Tooltip,
} from '@racine/ui';
import { Logo } from '~/components/logo';
import { governanceGroups, isActive, type NavItem, racineAreas } from './nav';
import { WorkspaceSwitcher } from './workspace-switcher';
import { useCurrentUser } from './current-user';

function NavEntry({
  item,
  pathname,
  isAdmin,
  onNavigate,
}: {
  item: NavItem;
  pathname: string;
  isAdmin: boolean;
  onNavigate?: () => void;
}) {
  const Icon = item.icon;
  const available = item.href && (!item.adminOnly || isAdmin);
  if (!available) {
    const reason = item.href ? 'Admins only' : 'Coming soon';
    return (
      <li>
        <Tooltip content={reason} side="right">
          <span
            aria-disabled="true"
            tabIndex={0}
            data-testid="nav-disabled"
            aria-label={`${item.label} (${reason.toLowerCase()})`}
            className={cn(sidebarItemClass, 'cursor-not-allowed opacity-55 hover:bg-transparent')}
          >
            <Icon />
            <span className="flex-1 truncate">{item.label}</span>
            {item.href ? null : (
              <span className="text-[10px] uppercase tracking-wide text-muted-foreground">
                soon
              </span>
            )}
          </span>
        </Tooltip>
      </li>
    );
  }
  const active = isActive(item.href!, pathname, item);
  return (
    <SidebarItem active={active}>
      <Link
        href={item.href!}
        aria-current={active ? 'page' : undefined}
        onClick={onNavigate}
        className={item.nested ? 'pl-7' : undefined}
      >
        <Icon />
        <span className="truncate">{item.label}</span>
      </Link>
    </SidebarItem>
  );
}

export function AppSidebar({
  onNavigate,
  className,
}: {
  onNavigate?: () => void;
  className?: string;
}) {
  const pathname = usePathname();
  const { isAdmin, canCreateWorkspace } = useCurrentUser();
  return (
    <Sidebar className={className} aria-label="Main navigation">
      <SidebarHeader>
        <Link href="/" className="flex items-center gap-2 px-1 py-1" onClick={onNavigate}>
          <Logo />
          <span className="text-base font-semibold tracking-tight">Racine</span>
        </Link>
        <WorkspaceSwitcher canCreate={canCreateWorkspace} />
      </SidebarHeader>
      <SidebarContent>
        <SidebarGroup label="Racine">
          {racineAreas.map((item) => (
            <NavEntry
              key={item.label}
              item={item}
              pathname={pathname}
              isAdmin={isAdmin}
              onNavigate={onNavigate}
            />
          ))}
        </SidebarGroup>
        <SidebarGroup label="Governance">
          {governanceGroups.map((item) => (
            <NavEntry
              key={item.label}
              item={item}
              pathname={pathname}
              isAdmin={isAdmin}
              onNavigate={onNavigate}
            />
          ))}
        </SidebarGroup>
      </SidebarContent>
      <SidebarFooter className="text-[11px] text-muted-foreground">
        <span>
          Press <kbd className="rounded border bg-background px-1">Ctrl</kbd>{' '}
          <kbd className="rounded border bg-background px-1">K</kbd> for commands
        </span>
      </SidebarFooter>
    </Sidebar>
  );
}
