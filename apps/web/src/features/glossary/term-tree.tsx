'use client';
import * as React from 'react';
import Link from 'next/link';
import { ChevronRight } from 'lucide-react';
import { cn } from '@racine/ui';
import type { TermRow } from './types';

interface TreeNode {
  term: TermRow;
  children: TreeNode[];
}

/** Terms nested under their parents; a term whose parent is not in the list sits at the top. */
export function buildTermTree(terms: readonly TermRow[]): TreeNode[] {
  const nodes = new Map(terms.map((t) => [t.id, { term: t, children: [] as TreeNode[] }]));
  const roots: TreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.term.parent ? nodes.get(node.term.parent.id) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: TreeNode[]) => {
    list.sort((a, b) => a.term.name.localeCompare(b.term.name));
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}

export function TermTree({ terms, activeId }: { terms: readonly TermRow[]; activeId?: string }) {
  const roots = React.useMemo(() => buildTermTree(terms), [terms]);
  if (!roots.length) return <p className="text-xs text-muted-foreground">No terms.</p>;
  return (
    <ul className="grid gap-0.5 text-sm" role="tree" aria-label="Terms by parent" data-testid="term-tree">
      {roots.map((n) => (
        <Branch key={n.term.id} node={n} depth={0} activeId={activeId} />
      ))}
    </ul>
  );
}

function Branch({ node, depth, activeId }: { node: TreeNode; depth: number; activeId?: string }) {
  const [open, setOpen] = React.useState(depth < 1);
  const has = node.children.length > 0;
  return (
    <li role="treeitem" aria-expanded={has ? open : undefined} aria-selected={node.term.id === activeId}>
      <div className="flex items-center gap-1" style={{ paddingLeft: depth * 14 }}>
        {has ? (
          <button
            type="button"
            aria-label={open ? `Collapse ${node.term.name}` : `Expand ${node.term.name}`}
            className="flex size-5 cursor-pointer items-center justify-center rounded hover:bg-accent"
            onClick={() => setOpen((o) => !o)}
          >
            <ChevronRight className={cn('size-3.5 transition-transform', open && 'rotate-90')} />
          </button>
        ) : (
          <span className="size-5" />
        )}
        <Link
          href={`/glossary/${node.term.id}`}
          className={cn(
            'min-w-0 flex-1 truncate rounded px-1 py-0.5 hover:bg-muted/60',
            node.term.id === activeId && 'bg-muted font-medium',
            node.term.status === 'deprecated' && 'text-muted-foreground line-through',
          )}
        >
          {node.term.name}
        </Link>
        <span className="text-xs tabular-nums text-muted-foreground">{node.term.assetCount}</span>
      </div>
      {has && open ? (
        <ul className="grid gap-0.5" role="group">
          {node.children.map((c) => (
            <Branch key={c.term.id} node={c} depth={depth + 1} activeId={activeId} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
