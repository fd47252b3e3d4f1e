'use client';

import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { fetchJson, type ApiError } from '@/components/ui/fetch-json';

interface TAdminMutationSpec<TVars> {
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: (vars: TVars) => string;
  body?: (vars: TVars) => unknown;
  /** Queries the change makes stale, from adminKeys. */
  invalidates: (vars: TVars) => QueryKey[];
}

/** The shared shape of every admin mutation hook: JSON call, problem+json errors, invalidation through the key factory. */
export function useAdminMutation<TVars, TResult>(spec: TAdminMutationSpec<TVars>) {
  const queryClient = useQueryClient();
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
    },
  });
}
