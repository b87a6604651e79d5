'use client';
import * as React from 'react';
import { useQuery } from '@tanstack/react-query';
import { BookOpen, Plus, X } from 'lucide-react';
import {
  Badge,
  Button,
  Card,
  CardContent,
  CardHeader,
  CardTitle,
  Input,
  Popover,
  PopoverContent,
  PopoverTrigger,
  Spinner,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { useDebounced } from '~/lib/use-debounced';
import { TermLink } from './bits';
import { CurateGate } from './curate-gate';

type Term = { id: string; name: string; status: string };

/** The glossary terms this asset is an instance of; linking saves the whole list. */
export function TermsCard({
  terms,
  canCurate,
  saving,
  onSave,
}: {
  terms: readonly Term[];
  canCurate: boolean;
  saving: boolean;
  onSave: (termIds: string[]) => void;
}) {
  const ids = terms.map((t) => t.id);
  return (
    <Card data-testid="asset-terms">
      <CardHeader className="flex-row items-center justify-between">
        <CardTitle>Glossary terms</CardTitle>
        <CurateGate canCurate={canCurate}>
          <TermPicker
            disabled={!canCurate || saving}
            exclude={new Set(ids)}
            onPick={(t) => onSave([...ids, t.id])}
          />
        </CurateGate>
      </CardHeader>
      <CardContent>
        {terms.length ? (
          <ul className="flex flex-wrap gap-1.5">
            {terms.map((t) => (
              <li
                key={t.id}
                className="inline-flex items-center gap-1 rounded-md border px-2 py-0.5 text-sm"
                data-testid="asset-term"
              >
                <TermLink id={t.id} name={t.name} />
                {t.status !== 'approved' ? (
                  <Badge variant="outline" className="px-1 text-[10px]">
                    {t.status}
                  </Badge>
                ) : null}
                {canCurate ? (
                  <button
                    type="button"
                    aria-label={`Unlink ${t.name}`}
                    disabled={saving}
                    className="cursor-pointer rounded-sm opacity-60 hover:opacity-100"
                    onClick={() => onSave(ids.filter((id) => id !== t.id))}
                  >
                    <X className="size-3" />
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-xs text-muted-foreground">
            Not linked to the glossary. Link the business term it stands for.
          </p>
        )}
      </CardContent>
    </Card>
  );
}

function TermPicker({
  onPick,
  exclude,
  disabled,
}: {
  onPick: (t: Term) => void;
  exclude: ReadonlySet<string>;
  disabled?: boolean;
}) {
  const trpc = useTRPC();
  const [open, setOpen] = React.useState(false);
  const [text, setText] = React.useState('');
  const q = useDebounced(text.trim(), 200);
  const list = useQuery({
    ...trpc.glossary.list.queryOptions({ ...(q ? { q } : {}), limit: 20 }),
    enabled: open,
  });
  const options = (list.data?.items ?? []).filter((t) => !exclude.has(t.id));
  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger asChild>
        <Button size="sm" variant="outline" disabled={disabled} data-testid="link-term">
          <Plus />
          Link
        </Button>
      </PopoverTrigger>
      <PopoverContent align="end" className="w-72 p-2">
        <Input
          autoFocus
          aria-label="Find a glossary term"
          placeholder="Term name…"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <div className="mt-2 max-h-60 overflow-y-auto" role="listbox" aria-label="Glossary terms">
          {list.isFetching ? (
            <div className="flex justify-center py-3">
              <Spinner className="size-4" />
            </div>
          ) : null}
          {options.map((t) => (
            <button
              key={t.id}
              type="button"
              role="option"
              aria-selected={false}
              className="flex w-full cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 text-left text-sm hover:bg-accent"
              onClick={() => {
                onPick(t);
                setOpen(false);
                setText('');
              }}
            >
              <BookOpen className="size-4 text-muted-foreground" />
              <span className="flex-1 truncate">{t.name}</span>
              <span className="text-xs text-muted-foreground">{t.status}</span>
            </button>
          ))}
          {!list.isFetching && !options.length ? (
            <p className="px-2 py-3 text-center text-xs text-muted-foreground">
              {list.isError ? list.error.message : 'No term matches. Create one in the glossary.'}
            </p>
          ) : null}
        </div>
      </PopoverContent>
    </Popover>
  );
}
