'use client';
import Link from 'next/link';
import { signOut } from 'next-auth/react';
import { KeyRound, LogOut, Settings, UserCog } from 'lucide-react';
import {
  Avatar,
  Badge,
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
  ThemeToggle,
} from '@racine/ui';
import { useCurrentUser } from './current-user';
import { useSaveTheme } from '~/features/account/account-sync';

export function UserMenu() {
  const { user, roles, isAdmin } = useCurrentUser();
  const saveTheme = useSaveTheme();
  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        data-testid="user-menu"
        aria-label="Account menu"
        className="flex items-center gap-2 rounded-full outline-none focus-visible:ring-2 focus-visible:ring-ring/40 cursor-pointer"
      >
        <Avatar name={user.name} />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-64">
        <div className="flex items-center gap-3 px-2 py-2">
          <Avatar name={user.name} className="size-9" />
          <div className="min-w-0">
            <div className="truncate text-sm font-medium" data-testid="user-menu-name">
              {user.name}
            </div>
            <div className="truncate text-xs text-muted-foreground">{user.email}</div>
          </div>
        </div>
        {roles.length ? (
          <div className="flex flex-wrap gap-1 px-2 pb-2" aria-label="Your roles">
            {roles.map((r) => (
              <Badge key={r} variant={r === 'admin' ? 'default' : 'secondary'}>
                {r}
              </Badge>
            ))}
          </div>
        ) : null}
        <DropdownMenuSeparator />
        <div className="flex items-center justify-between px-2 py-1.5 text-sm">
          Theme
          <ThemeToggle onChange={saveTheme} />
        </div>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/settings/profile" data-testid="user-menu-settings">
            <Settings />
            Profile &amp; settings
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem asChild>
          <Link href="/settings/tokens">
            <KeyRound />
            API tokens
          </Link>
        </DropdownMenuItem>
        {isAdmin ? (
          <DropdownMenuItem asChild>
            <Link href="/admin/users">
              <UserCog />
              Users &amp; roles
            </Link>
          </DropdownMenuItem>
        ) : null}
        <DropdownMenuSeparator />
        <DropdownMenuItem
          data-testid="sign-out"
          onSelect={() => void signOut({ callbackUrl: '/sign-in' })}
        >
          <LogOut />
          Sign out
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
