'use client';
import * as React from 'react';
import { useRouter } from 'next/navigation';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import {
  Bell,
  Boxes,
  ClipboardCheck,
  DatabaseZap,
  KeyRound,
  ListChecks,
  Monitor,
  Moon,
  Plus,
  ScanSearch,
  Search,
  ShieldCheck,
  Bot,
  Sun,
  FileText,
  Tags,
  Waypoints,
  Workflow,
} from 'lucide-react';
import {
  CommandPalette,
  type CommandAction,
  toast,
  useCommandPaletteShortcut,
  useTheme,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { governanceGroups, racineAreas } from './nav';
import { useWorkspaces } from './workspace-context';
import { useCurrentUser } from './current-user';
import { verifyToast } from '~/components/verify-toast';
import { useDebounced } from '~/lib/use-debounced';
import { AssetTypeIcon } from '~/features/catalog/bits';
import { hitHref } from '~/features/catalog/results-table';
import { assistantShortcut, useAssistant } from '~/features/assistant';

export function CommandMenu({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const router = useRouter();
  const trpc = useTRPC();
  const { setTheme, resolvedTheme } = useTheme();
  const { workspaces, setCurrentId } = useWorkspaces();
  const { isAdmin, canCreateWorkspace } = useCurrentUser();
  const { openWith: openAssistant } = useAssistant();
  useCommandPaletteShortcut(() => onOpenChange(!open));
  const [query, setQuery] = React.useState('');
  React.useEffect(() => {
    if (!open) setQuery('');
  }, [open]);
  const q = useDebounced(query.trim(), 200);
  // Global search: the catalog's top hits (assets, terms and published articles) as you type.
  const catalog = useQuery({
    ...trpc.catalog.search.queryOptions({ q, limit: 6 }),
    enabled: open && q.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

  const verify = useMutation(
    trpc.activity.verifyChain.mutationOptions({
      onSuccess: verifyToast,
      onError: (error) => toast.fromError(error, 'Could not verify the activity log'),
    }),
  );

  const actions = React.useMemo<CommandAction[]>(() => {
    const pages = [...racineAreas, ...governanceGroups]
      .filter((item) => item.href && (!item.adminOnly || isAdmin))
      .map<CommandAction>((item) => {
        const Icon = item.icon;
        return {
          id: `page:${item.label}`,
          group: 'Go to',
          label: item.label,
          icon: <Icon />,
          keywords: item.keywords,
          onSelect: () => router.push(item.href!),
        };
      });
    pages.push({
      id: 'page:api-tokens',
      group: 'Go to',
      label: 'API tokens',
      icon: <KeyRound />,
      keywords: ['settings'],
      onSelect: () => router.push('/settings/tokens'),
    });
    pages.push({
      id: 'page:notifications',
      group: 'Go to',
      label: 'Notifications',
      icon: <Bell />,
      keywords: ['inbox', 'unread', 'alerts'],
      onSelect: () => router.push('/notifications'),
    });
    const list: CommandAction[] = [...pages];
    list.push({
      id: 'action:ask-assistant',
      group: 'Actions',
      label: 'Ask the assistant…',
      hint: assistantShortcut.label,
      icon: <Bot />,
      keywords: ['assistant', 'ai', 'question', 'chat', 'help'],
      onSelect: () => openAssistant(),
    });
    if (canCreateWorkspace)
      list.push({
        id: 'action:create-workspace',
        group: 'Actions',
        label: 'Create workspace',
        icon: <Plus />,
        keywords: ['new'],
        onSelect: () => router.push('/workspaces?create=1'),
      });
    if (canCreateWorkspace)
      list.push({
        id: 'action:create-datasource',
        group: 'Actions',
        label: 'New data source',
        icon: <DatabaseZap />,
        keywords: ['register', 'connect', 'database', 'add source'],
        onSelect: () => router.push('/datasources?create=1'),
      });
    list.push({
      id: 'action:run-scan',
      group: 'Actions',
      label: 'Run a scan…',
      icon: <ScanSearch />,
      keywords: ['scan', 'classify', 'new scan'],
      onSelect: () => router.push('/scans'),
    });
    list.push({
      id: 'action:new-pipeline',
      group: 'Actions',
      label: 'New pipeline',
      icon: <Waypoints />,
      keywords: ['pipeline', 'template', 'stages', 'quality', 'dead letters'],
      onSelect: () => router.push('/pipelines?new=1'),
    });
    list.push({
      id: 'action:new-document',
      group: 'Actions',
      label: 'New document',
      icon: <FileText />,
      keywords: ['runbook', 'note', 'shared document', 'write', 'co-edit'],
      onSelect: () => router.push('/collaboration/documents?new=1'),
    });
    list.push({
      id: 'action:run-workflow',
      group: 'Actions',
      label: 'Run a workflow…',
      icon: <Workflow />,
      keywords: ['workflow', 'execute', 'automation', 'start'],
      onSelect: () => router.push('/workflows'),
    });
    list.push({
      id: 'action:open-tasks',
      group: 'Actions',
      label: 'Approve or reject tasks',
      icon: <ClipboardCheck />,
      keywords: ['approval', 'tasks', 'inbox', 'human task', 'decide'],
      onSelect: () => router.push('/tasks'),
    });
    list.push({
      id: 'action:review-classifications',
      group: 'Actions',
      label: 'Review classifications',
      icon: <Tags />,
      keywords: ['labels', 'pii', 'accept', 'reject', 'queue'],
      onSelect: () => router.push('/classifications'),
    });
    list.push({
      id: 'action:compliance-findings',
      group: 'Actions',
      label: 'Compliance findings',
      icon: <ListChecks />,
      keywords: ['findings', 'violations', 'waive', 'acknowledge', 'compliance'],
      onSelect: () => router.push('/compliance/findings'),
    });
    if (isAdmin)
      list.push({
        id: 'action:verify',
        group: 'Actions',
        label: 'Verify activity integrity',
        icon: <ShieldCheck />,
        keywords: ['hash chain', 'audit', 'tamper'],
        onSelect: () => {
          toast.info('Verifying the activity log…');
          verify.mutate();
        },
      });
    list.push({
      id: 'action:theme',
      group: 'Actions',
      label: resolvedTheme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme',
      icon: resolvedTheme === 'dark' ? <Sun /> : <Moon />,
      keywords: ['theme', 'dark mode', 'light mode', 'toggle'],
      onSelect: () => setTheme(resolvedTheme === 'dark' ? 'light' : 'dark'),
    });
    list.push({
      id: 'action:theme-system',
      group: 'Actions',
      label: 'Use the system theme',
      icon: <Monitor />,
      keywords: ['theme'],
      onSelect: () => setTheme('system'),
    });
    for (const w of workspaces)
      list.push({
        id: `workspace:${w.id}`,
        group: 'Switch workspace',
        label: w.name,
        hint: w.environment,
        icon: <Boxes />,
        keywords: [w.slug],
        onSelect: () => {
          setCurrentId(w.id);
          toast.success(`Switched to ${w.name}`);
        },
      });
    return list;
  }, [
    router,
    isAdmin,
    canCreateWorkspace,
    resolvedTheme,
    setTheme,
    workspaces,
    setCurrentId,
    verify,
    openAssistant,
  ]);

  const withSearch = React.useMemo<CommandAction[]>(() => {
    const typed = query.trim();
    if (typed.length < 2) return actions;
    const hits = q === typed && q.length >= 2 ? (catalog.data?.items ?? []) : [];
    const found = hits.map<CommandAction>((h) => ({
      id: `catalog:${h.kind}:${h.id}`,
      group: 'Catalog',
      label: h.kind === 'asset' ? h.qualifiedName : h.name,
      hint: h.sensitivity ?? (h.kind === 'asset' ? h.type : h.kind),
      icon: <AssetTypeIcon type={h.type} />,
      alwaysShow: true,
      onSelect: () => router.push(hitHref(h)),
    }));
    found.push({
      id: 'catalog:search',
      group: 'Catalog',
      label: `Search the catalog for “${typed}”`,
      icon: <Search />,
      alwaysShow: true,
      onSelect: () => router.push(`/catalog?q=${encodeURIComponent(typed)}`),
    });
    // What was typed, as a question for the assistant: first when it reads like one.
    const ask: CommandAction = {
      id: 'assistant:ask',
      group: 'Assistant',
      label: `Ask “${typed}”`,
      icon: <Bot />,
      alwaysShow: true,
      onSelect: () => openAssistant(typed),
    };
    return looksLikeQuestion(typed) ? [ask, ...found, ...actions] : [...found, ask, ...actions];
  }, [actions, catalog.data, q, query, router, openAssistant]);

  return (
    <CommandPalette
      open={open}
      onOpenChange={onOpenChange}
      actions={withSearch}
      onQueryChange={setQuery}
    />
  );
}

const questionWords =
  /^(who|what|which|where|when|why|how|is|are|does|do|can|list|show|find|count)\b/i;
const looksLikeQuestion = (text: string) =>
  text.endsWith('?') || questionWords.test(text) || text.split(/\s+/).length >= 4;
