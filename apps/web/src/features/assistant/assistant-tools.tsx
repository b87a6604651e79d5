'use client';
import { useQuery } from '@tanstack/react-query';
import { Skeleton } from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { toolLabel } from './bits';

/**
 * What the assistant can look up, from its own tool registry (ai.tools): the
 * empty conversation's answer to "what can I ask?". Each tool's description
 * is cut to its first clause so the list stays scannable.
 */
export function AssistantTools() {
  const trpc = useTRPC();
  const tools = useQuery({ ...trpc.ai.tools.queryOptions(), staleTime: 5 * 60_000 });
  if (tools.isPending)
    return (
      <div className="grid w-full max-w-md gap-1.5">
        <Skeleton className="h-4 w-3/4" />
        <Skeleton className="h-4 w-2/3" />
        <Skeleton className="h-4 w-4/5" />
      </div>
    );
  if (tools.isError || !tools.data.length) return null;
  return (
    <div className="w-full max-w-md text-left" data-testid="assistant-tools">
      <p className="mb-1.5 text-xs font-medium text-muted-foreground">What I can look up</p>
      <ul className="grid grid-cols-1 gap-1 text-xs">
        {tools.data.map((tool) => (
          <li key={tool.name} className="flex gap-2">
            <code className="shrink-0 font-mono text-[11px] text-foreground">
              {toolLabel(tool.name)}
            </code>
            <span className="min-w-0 truncate text-muted-foreground" title={tool.description}>
              {firstClause(tool.description)}
              {tool.write ? ' (asks you first)' : ''}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Up to the first ':', ';' or sentence end, not cut inside "e.g." or "i.e.". */
const firstClause = (text: string) => text.split(/(?<!\be\.g|\bi\.e)[:;.]\s/)[0] ?? text;
