'use client';
import * as React from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { BookMarked, ShieldCheck } from 'lucide-react';
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
  Input,
  Tabs,
  TabsContent,
  TabsList,
  TabsTrigger,
  cn,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { useDebounced } from '~/lib/use-debounced';
import { AssetPicker } from '~/features/catalog/asset-picker';
import type { ArticleTargetType } from './types';

export interface PickedTarget {
  targetType: ArticleTargetType;
  targetId: string;
}

function OptionList({ items, onPick, empty, icon }: { items: { id: string; title: string; hint?: string }[]; onPick: (id: string) => void; empty: string; icon: React.ReactNode }) {
  return (
    <div className="max-h-60 overflow-y-auto rounded-md border" role="listbox">
      {items.length ? (
        items.map((i) => (
          <button
            key={i.id}
            type="button"
            role="option"
            aria-selected={false}
            onClick={() => onPick(i.id)}
            className={cn('flex w-full items-center gap-2 border-b px-2.5 py-1.5 text-left text-sm last:border-0 hover:bg-accent')}
            data-testid="link-option"
          >
            <span className="text-muted-foreground [&_svg]:size-4">{icon}</span>
            <span className="min-w-0 flex-1 truncate font-medium">{i.title}</span>
            {i.hint ? <span className="truncate text-xs text-muted-foreground">{i.hint}</span> : null}
          </button>
        ))
      ) : (
        <p className="p-3 text-center text-sm text-muted-foreground">{empty}</p>
      )}
    </div>
  );
}

function TermSearch({ exclude, onPick }: { exclude: ReadonlySet<string>; onPick: (id: string) => void }) {
  const trpc = useTRPC();
  const [text, setText] = React.useState('');
  const q = useDebounced(text.trim(), 250);
  const terms = useQuery({ ...trpc.catalog.search.queryOptions({ ...(q ? { q } : {}), types: ['term'], limit: 12 }), placeholderData: keepPreviousData });
  const items = (terms.data?.items ?? []).filter((h) => h.kind === 'term' && !exclude.has(h.id)).map((h) => ({ id: h.id, title: h.name, hint: h.labels.join(', ') }));
  return (
    <div className="grid gap-2">
      <Input aria-label="Find a glossary term" placeholder="Term name or synonym…" value={text} onChange={(e) => setText(e.target.value)} />
      <OptionList items={items} onPick={onPick} empty={terms.isPending ? 'Searching…' : 'No term matches.'} icon={<BookMarked />} />
    </div>
  );
}

function FrameworkList({ exclude, onPick }: { exclude: ReadonlySet<string>; onPick: (id: string) => void }) {
  const trpc = useTRPC();
  const [text, setText] = React.useState('');
  const frameworks = useQuery(trpc.compliance.frameworks.queryOptions({}));
  const f = text.trim().toLowerCase();
  const items = (frameworks.data ?? []).filter((x) => !exclude.has(x.id) && (!f || x.name.toLowerCase().includes(f))).map((x) => ({ id: x.id, title: x.name }));
  return (
    <div className="grid gap-2">
      <Input aria-label="Filter frameworks" placeholder="GDPR, PCI-DSS…" value={text} onChange={(e) => setText(e.target.value)} />
      <OptionList items={items} onPick={onPick} empty={frameworks.isPending ? 'Loading…' : 'No framework matches.'} icon={<ShieldCheck />} />
    </div>
  );
}

/** Find an asset, a glossary term or a framework to link an article to. */
export function LinkPicker({ open, onOpenChange, linked, onPick }: { open: boolean; onOpenChange: (open: boolean) => void; linked: ReadonlySet<string>; onPick: (target: PickedTarget) => void }) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent data-testid="link-picker">
        <DialogHeader>
          <DialogTitle>Link this article</DialogTitle>
          <DialogDescription>It will show as a related article on the page of what you pick.</DialogDescription>
        </DialogHeader>
        <Tabs defaultValue="asset">
          <TabsList>
            <TabsTrigger value="asset">Asset</TabsTrigger>
            <TabsTrigger value="glossaryTerm">Glossary term</TabsTrigger>
            <TabsTrigger value="framework">Framework</TabsTrigger>
          </TabsList>
          <TabsContent value="asset">
            <AssetPicker selected={new Map()} exclude={linked} onToggle={(hit) => onPick({ targetType: 'asset', targetId: hit.id })} testId="link-asset-picker" />
          </TabsContent>
          <TabsContent value="glossaryTerm">
            <TermSearch exclude={linked} onPick={(id) => onPick({ targetType: 'glossaryTerm', targetId: id })} />
          </TabsContent>
          <TabsContent value="framework">
            <FrameworkList exclude={linked} onPick={(id) => onPick({ targetType: 'framework', targetId: id })} />
          </TabsContent>
        </Tabs>
      </DialogContent>
    </Dialog>
  );
}
