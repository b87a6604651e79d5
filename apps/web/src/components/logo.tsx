import { cn } from '@racine/ui';

/** Racine's mark: a root system under a node. */
export function Logo({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden className={cn('size-7 text-primary', className)}>
      <rect width="32" height="32" rx="8" className="fill-primary" />
      <g
        fill="none"
        stroke="currentColor"
        strokeWidth="2.2"
        strokeLinecap="round"
        className="text-primary-foreground"
      >
        <path d="M16 7v9" />
        <path d="M16 16c0 4-5 4-7 9" />
        <path d="M16 16c0 4 5 4 7 9" />
        <path d="M16 16v9" />
      </g>
      <circle cx="16" cy="7" r="2.4" className="fill-primary-foreground" />
    </svg>
  );
}
