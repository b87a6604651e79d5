'use client';
import ReactMarkdown, { defaultUrlTransform } from 'react-markdown';
import { cn } from '@racine/ui';

/** Mention tokens are links to `user:<id>`; every other URL goes through react-markdown's safe filter. */
const urlTransform = (url: string) =>
  /^user:[0-9a-f-]{36}$/i.test(url) ? url : defaultUrlTransform(url);

/**
 * A comment's markdown, sanitised: raw HTML is dropped, unsafe URLs are
 * emptied, links open in a new tab, and `@[Name](user:id)` renders as a
 * mention chip with the person's current name when known.
 */
export function CommentMarkdown({
  body,
  names,
  className,
}: {
  body: string;
  names: ReadonlyMap<string, string>;
  className?: string;
}) {
  return (
    <div
      className={cn(
        'grid gap-1.5 text-sm leading-relaxed break-words [&_blockquote]:border-l-2 [&_blockquote]:pl-3 [&_blockquote]:text-muted-foreground [&_code]:rounded [&_code]:bg-muted [&_code]:px-1 [&_code]:font-mono [&_code]:text-xs [&_li]:ml-5 [&_ol]:list-decimal [&_pre]:overflow-x-auto [&_pre]:rounded-md [&_pre]:border [&_pre]:bg-muted/50 [&_pre]:p-2 [&_ul]:list-disc [&_h1]:font-semibold [&_h2]:font-semibold [&_h3]:font-semibold',
        className,
      )}
      data-testid="comment-body"
    >
      <ReactMarkdown
        skipHtml
        urlTransform={urlTransform}
        components={{
          a: ({ href, children }) => {
            if (href?.startsWith('user:')) {
              const id = href.slice(5).toLowerCase();
              return (
                <span
                  className="rounded bg-primary/10 px-1 font-medium text-primary"
                  data-testid="mention"
                  data-user-id={id}
                >
                  {names.get(id) ?? children}
                </span>
              );
            }
            return (
              <a
                href={href}
                target="_blank"
                rel="noreferrer noopener"
                className="text-primary underline"
              >
                {children}
              </a>
            );
          },
        }}
      >
        {body}
      </ReactMarkdown>
    </div>
  );
}
