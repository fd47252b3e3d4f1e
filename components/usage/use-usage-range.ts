'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { usageRangeParams } from './usage-range-params';

/** The dashboard's time range lives in the URL: ?range=7d (preset) or ?from=…&to=… (UTC dates). */
export function useUsageRange(): {
  params: Record<string, string>;
  setParams: (next: Record<string, string>) => void;
} {
  const search = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const params = useMemo(() => usageRangeParams(Object.fromEntries(search.entries())), [search]);
  const setParams = useCallback(
    (next: Record<string, string>) =>
      router.replace(`${pathname}?${new URLSearchParams(next).toString()}`, { scroll: false }),
    [router, pathname],
  );
  return { params, setParams };
}
