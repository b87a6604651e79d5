'use client';
import Link from 'next/link';
import { Maximize2, SquarePen } from 'lucide-react';
import { Button, Sheet, SheetContent, SheetDescription, SheetHeader, SheetTitle } from '@racine/ui';
import { useAssistant } from './assistant-provider';
import { ContextChip } from './context-chip';
import { ConversationView } from './conversation-view';
import { assistantHref } from './types';

/** The assistant beside any page: the current conversation in a side sheet. */
export function AssistantSheet() {
  const { open, setOpen, conversationId, select, subject, busy } = useAssistant();
  const close = () => setOpen(false);
  return (
    <Sheet open={open} onOpenChange={setOpen}>
      <SheetContent className="max-w-2xl" data-testid="assistant-sheet">
        <SheetHeader className="gap-1 py-3">
          <div className="flex items-center gap-2">
            <SheetTitle className="text-base">Assistant</SheetTitle>
            <div className="ml-auto flex items-center gap-1">
              <Button
                variant="ghost"
                size="sm"
                disabled={busy || !conversationId}
                onClick={() => select(null)}
                data-testid="assistant-new"
              >
                <SquarePen /> New
              </Button>
              <Button variant="ghost" size="sm" asChild>
                <Link
                  href={assistantHref(conversationId)}
                  onClick={close}
                  data-testid="assistant-full-page"
                >
                  <Maximize2 /> Full page
                </Link>
              </Button>
            </div>
          </div>
          <SheetDescription className="sr-only">
            Ask questions answered from Racine&apos;s data with your permissions.
          </SheetDescription>
          <ContextChip subject={subject} />
        </SheetHeader>
        <ConversationView onNavigate={close} autoFocus />
      </SheetContent>
    </Sheet>
  );
}
