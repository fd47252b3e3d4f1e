import type { ReactNode } from 'react';

/**
 * Wrap every data table in this: on a narrow screen the table scrolls sideways inside its card instead of widening
 * the page. The region is focusable (keyboard users can scroll it) and named for screen readers.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
