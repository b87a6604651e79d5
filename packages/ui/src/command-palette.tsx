'use client';
import * as React from 'react';
import { Command } from 'cmdk';
import { Dialog as DialogPrimitive } from 'radix-ui';
import { Search } from 'lucide-react';
import { cn } from './cn';
import { overlayClass } from './dialog';

export interface CommandAction {
  id: string;
  label: string;
  group: string;
  icon?: React.ReactNode;
  hint?: string;
  keywords?: string[];
  /** Shown whatever is typed: for results the caller already matched (e.g. a server-side search). */
  alwaysShow?: boolean;
  onSelect: () => void;
}

/** A cmdk palette in a dialog. Actions are grouped by `group`, in first-seen order. */
export function CommandPalette({
  open,
  onOpenChange,
  actions,
  placeholder = 'Type a command or search…',
  onQueryChange,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  actions: readonly CommandAction[];
  placeholder?: string;
  /** Told what is typed, so the caller can add actions found elsewhere (see `alwaysShow`). */
  onQueryChange?: (query: string) => void;
}) {
  const groups = React.useMemo(() => {
    const map = new Map<string, CommandAction[]>();
    for (const action of actions) {
      const list = map.get(action.group) ?? [];
      list.push(action);
      map.set(action.group, list);
    }
    return [...map.entries()];
  }, [actions]);

  return (
    <DialogPrimitive.Root open={open} onOpenChange={onOpenChange}>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className={overlayClass} />
        <DialogPrimitive.Content
          data-testid="command-palette"
          className="fixed left-1/2 top-[15vh] z-50 w-[calc(100%-2rem)] max-w-xl -translate-x-1/2 overflow-hidden rounded-xl border bg-popover text-popover-foreground shadow-2xl outline-none data-[state=open]:animate-in"
        >
          <DialogPrimitive.Title className="sr-only">Command palette</DialogPrimitive.Title>
          <DialogPrimitive.Description className="sr-only">
            Search pages and actions, then press Enter.
          </DialogPrimitive.Description>
          <Command loop className="flex flex-col">
            <div className="flex items-center gap-2 border-b px-3">
              <Search className="size-4 shrink-0 text-muted-foreground" />
              <Command.Input
                autoFocus
                aria-label="Command"
                placeholder={placeholder}
                onValueChange={onQueryChange}
                className="h-11 w-full bg-transparent text-sm outline-none placeholder:text-muted-foreground"
              />
              <kbd className="rounded border bg-muted px-1.5 text-[10px] text-muted-foreground">
                Esc
              </kbd>
            </div>
            <Command.List className="max-h-[min(60vh,420px)] overflow-y-auto p-1.5">
              <Command.Empty className="py-8 text-center text-sm text-muted-foreground">
                No match.
              </Command.Empty>
              {groups.map(([group, items]) => (
                <Command.Group
                  key={group}
                  forceMount={items.some((a) => a.alwaysShow)}
                  heading={group}
                  className="[&_[cmdk-group-heading]]:px-2 [&_[cmdk-group-heading]]:py-1.5 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-medium [&_[cmdk-group-heading]]:text-muted-foreground"
                >
                  {items.map((action) => (
                    <Command.Item
                      key={action.id}
                      value={`${action.group} ${action.label} ${action.id}`}
                      keywords={action.keywords}
                      forceMount={action.alwaysShow}
                      onSelect={() => {
                        onOpenChange(false);
                        action.onSelect();
                      }}
                      className={cn(
                        'flex cursor-pointer select-none items-center gap-2.5 rounded-md px-2 py-2 text-sm outline-none data-[selected=true]:bg-accent data-[selected=true]:text-accent-foreground [&_svg]:size-4 [&_svg]:text-muted-foreground',
                      )}
                    >
                      {action.icon}
                      <span className="flex-1 truncate">{action.label}</span>
                      {action.hint ? (
                        <span className="text-xs text-muted-foreground">{action.hint}</span>
                      ) : null}
                    </Command.Item>
                  ))}
                </Command.Group>
              ))}
            </Command.List>
          </Command>
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}

/** Toggle on Ctrl-K / Cmd-K anywhere on the page. */
export function useCommandPaletteShortcut(toggle: () => void) {
  const ref = React.useRef(toggle);
  ref.current = toggle;
  React.useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        ref.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
