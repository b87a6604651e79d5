'use client';
import { Avatar, cn, Tooltip } from '@racine/ui';
import { useCurrentUser } from '~/components/shell/current-user';
import type { ResourceProps } from './types';
import { usePresence } from './use-presence';

const SHOWN = 5;

/**
 * Who else has this resource open, live: a stack of avatars (you included,
 * marked), gone within seconds of someone leaving. Mounting it is what
 * announces you, so put it once per page (in the header actions).
 */
export function PresenceAvatars({
  className,
  ...resource
}: ResourceProps & { className?: string }) {
  const { user } = useCurrentUser();
  const { viewers } = usePresence(resource);
  if (!viewers?.length) return null;
  // You first, then the others by name.
  const ordered = [...viewers].sort(
    (a, b) => Number(b.userId === user.id) - Number(a.userId === user.id),
  );
  const hidden = ordered.length - SHOWN;
  const others = ordered.filter((v) => v.userId !== user.id).length;
  return (
    <div
      className={cn('flex items-center', className)}
      data-testid="presence-avatars"
      aria-label={
        others
          ? `${others} other ${others === 1 ? 'person' : 'people'} viewing`
          : 'Only you are viewing'
      }
    >
      <div className="flex -space-x-2">
        {ordered.slice(0, SHOWN).map((v) => {
          const you = v.userId === user.id;
          return (
            <Tooltip key={v.userId} content={you ? `${v.name} (you)` : `${v.name} is viewing`}>
              <span
                className="rounded-full ring-2 ring-background"
                data-testid="presence-avatar"
                data-user-id={v.userId}
                data-you={you || undefined}
              >
                <Avatar name={v.name} className={cn('size-7', you && 'opacity-70')} />
              </span>
            </Tooltip>
          );
        })}
      </div>
      {hidden > 0 ? <span className="ml-1.5 text-xs text-muted-foreground">+{hidden}</span> : null}
    </div>
  );
}
