'use client';
import * as React from 'react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';

/**
 * Sets some query parameters of the current page in place (router.replace,
 * no scroll), keeping the others; a null or empty value removes its parameter.
 */
export function useSearchParamsPatch(): (patch: Record<string, string | null>) => void {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  return React.useCallback(
    (patch) => {
      const params = new URLSearchParams(searchParams);
      for (const [k, v] of Object.entries(patch)) {
        if (v) params.set(k, v);
        else params.delete(k);
      }
      router.replace(`${pathname}${params.size ? `?${params}` : ''}`, { scroll: false });
    },
    [router, pathname, searchParams],
  );
}
