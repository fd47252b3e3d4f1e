'use client';

import type { ButtonHTMLAttributes, ReactNode } from 'react';

/**
 * A button for an action that takes a while: while `pending` it is disabled, shows a spinner and `pendingLabel`,
 * and is marked aria-busy so assistive technology hears that work is under way.
 */
export function PendingButton({
  pending,
  pendingLabel,
  children,
  className = 'btn',
  ...button
}: ButtonHTMLAttributes<HTMLButtonElement> & {
  pending: boolean;
  pendingLabel?: string;
  children: ReactNode;
}) {
  return (
    <button
      {...button}
      className={className}
      disabled={pending || button.disabled}
      aria-busy={pending || undefined}
    >
      {pending ? (
        <>
          <span className="spinner" aria-hidden="true" />
          {pendingLabel ?? children}
        </>
      ) : (
        children
      )}
    </button>
  );
}
