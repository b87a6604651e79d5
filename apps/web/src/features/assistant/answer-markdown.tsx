'use client';
import Link from 'next/link';
import ReactMarkdown from 'react-markdown';
import { cn } from '@racine/ui';

/**
 * The answer's text: markdown composed from tool results. Links inside Racine
 * (assets, findings, runs) navigate in place; others open in a new tab. Raw
 * HTML is dropped and unsafe URLs are emptied by react-markdown.
 */
export function AnswerMarkdown({
  children,
  onNavigate,
  className,
}: {
  children: string;
  onNavigate?: () => void;
  className?: string;
}) {
  return (
    <div
      className={cn(
        'grid gap-2 text-sm leading-relaxed break-words [&_a]:text-primary [&_a]:underline [&_a]:underline-offset-2 [&_code]:rounded [&_code]:bg-muted [&_code]:px-1 [&_code]:font-mono [&_code]:text-xs [&_h1]:font-semibold [&_h2]:font-semibold [&_h3]:font-semibold [&_li]:ml-5 [&_ol]:list-decimal [&_pre]:overflow-x-auto [&_pre]:rounded-md [&_pre]:border [&_pre]:bg-muted/50 [&_pre]:p-2 [&_table]:text-xs [&_td]:border [&_td]:px-2 [&_td]:py-0.5 [&_th]:border [&_th]:px-2 [&_th]:py-0.5 [&_th]:text-left [&_ul]:list-disc',
        className,
      )}
      data-testid="answer-text"
    >
      <ReactMarkdown
        skipHtml
        components={{
          a: ({ href, children: text }) =>
            href?.startsWith('/') ? (
              <Link href={href} onClick={onNavigate} data-testid="answer-link">
                {text}
              </Link>
            ) : (
              <a href={href} target="_blank" rel="noreferrer noopener">
                {text}
              </a>
            ),
        }}
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}
