'use client';
import * as React from 'react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';

/** The run shown in the run sheet, kept in the URL (?run=<id>) so it can be linked. */
export function useRunParam(): [string | null, (runId: string | null) => void] {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const runId = searchParams.get('run');
  const setRunId = React.useCallback(
    (next: string | null) => {
      const params = new URLSearchParams(searchParams);
      if (next) params.set('run', next);
      else params.delete('run');
      router.replace(`${pathname}${params.size ? `?${params}` : ''}`, { scroll: false });
    },
    [router, pathname, searchParams],
  );
  return [runId, setRunId];
}
