'use client';
import * as React from 'react';
import { useSearchParams } from 'next/navigation';
import { useSearchParamsPatch } from '~/lib/use-search-params-patch';

/** The run shown in the run sheet, kept in the URL (?run=<id>) so it can be linked. */
export function useRunParam(): [string | null, (runId: string | null) => void] {
  const searchParams = useSearchParams();
  const setParams = useSearchParamsPatch();
  const runId = searchParams.get('run');
  const setRunId = React.useCallback(
    (next: string | null) => setParams({ run: next }),
    [setParams],
  );
  return [runId, setRunId];
}
