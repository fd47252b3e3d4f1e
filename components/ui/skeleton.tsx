/** Placeholders shown while a route loads (see app/(portal)/loading.tsx). */
export function Skeleton({
  variant = 'line',
  width,
}: {
  variant?: 'line' | 'title' | 'block';
  width?: string;
}) {
  return (
    <span
      className={`skeleton${variant === 'line' ? '' : ` ${variant}`}`}
      style={width ? { width } : undefined}
      aria-hidden="true"
    />
  );
}

/** A page-shaped skeleton: a title, a subtitle and a few cards. Announces "Loading" once to screen readers. */
export function PageSkeleton({ label = 'Loading…', cards = 2 }: { label?: string; cards?: number }) {
  return (
    <div aria-busy="true" data-testid="page-loading">
      <p role="status" className="sr-only">
        {label}
      </p>
      <Skeleton variant="title" />
      <Skeleton width="60%" />
      {Array.from({ length: cards }, (_, i) => (
        <div className="card" key={i} aria-hidden="true">
          <Skeleton width="30%" />
          <Skeleton variant="block" />
        </div>
      ))}
    </div>
  );
}
