import * as React from 'react';
import { cn } from './cn';

export function Sidebar({ className, ...props }: React.ComponentProps<'aside'>) {
  return (
    <aside
      className={cn(
        'flex h-full w-60 shrink-0 flex-col border-r bg-sidebar text-sidebar-foreground',
        className,
      )}
      {...props}
    />
  );
}
export function SidebarHeader({ className, ...props }: React.ComponentProps<'div'>) {
  return <div className={cn('flex flex-col gap-2 p-3', className)} {...props} />;
}
export function SidebarContent({ className, ...props }: React.ComponentProps<'nav'>) {
  return (
    <nav
      className={cn('flex min-h-0 flex-1 flex-col gap-4 overflow-y-auto px-3 py-2', className)}
      {...props}
    />
  );
}
export function SidebarFooter({ className, ...props }: React.ComponentProps<'div'>) {
  return <div className={cn('flex flex-col gap-2 border-t p-3', className)} {...props} />;
}
export function SidebarGroup({
  label,
  children,
  className,
}: {
  label?: React.ReactNode;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <div className={cn('flex flex-col gap-0.5', className)}>
      {label ? (
        <div className="px-2 pb-1 text-[11px] font-semibold uppercase tracking-wider text-muted-foreground">
          {label}
        </div>
      ) : null}
      <ul className="flex flex-col gap-0.5">{children}</ul>
    </div>
  );
}

export const sidebarItemClass =
  'flex h-8 w-full items-center gap-2.5 rounded-md px-2 text-sm outline-none transition-colors hover:bg-sidebar-accent hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring/40 [&_svg]:size-4 [&_svg]:shrink-0 [&_svg]:text-muted-foreground';

/**
 * One navigation entry. Pass a link element (e.g. Next <Link>) as `children`
 * through `asChild`-style rendering: the element receives the item classes.
 */
export function SidebarItem({
  active,
  disabled,
  children,
}: {
  active?: boolean;
  disabled?: boolean;
  children: React.ReactElement<{ className?: string }>;
}) {
  const className = cn(
    sidebarItemClass,
    active && 'bg-sidebar-accent font-medium text-foreground [&_svg]:text-primary',
    disabled && 'cursor-not-allowed opacity-50 hover:bg-transparent hover:text-sidebar-foreground',
    children.props.className,
  );
  return <li>{React.cloneElement(children, { className })}</li>;
}
