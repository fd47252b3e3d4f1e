'use client';

import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { fetchJson, type ApiError } from '@/components/ui/fetch-json';

export interface TApiMutationSpec<TVars> {
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: (vars: TVars) => string;
  body?: (vars: TVars) => unknown;
  /** Queries the change makes stale, from the domains' key factories. */
  invalidates: (vars: TVars) => QueryKey[];
  /** Re-render the server components of the current route too (server-rendered pages). Default false. */
  refresh?: boolean;
}

/**
 * Every mutation hook of every domain: a JSON call, problem+json errors (ApiError with field issues), then
 * invalidation through the key factories and a refresh of server-rendered data.
 */
export function useApiMutation<TVars, TResult>(spec: TApiMutationSpec<TVars>) {
  const queryClient = useQueryClient();
  const router = useRouter();
  return useMutation<TResult, ApiError, TVars>({
    mutationFn: (vars) =>
      fetchJson<TResult>(spec.url(vars), {
        method: spec.method,
        body: JSON.stringify(spec.body ? spec.body(vars) : vars),
      }),
    onSuccess: async (_data, vars) => {
      await Promise.all(
        spec.invalidates(vars).map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
      if (spec.refresh) router.refresh();
    },
  });
}
