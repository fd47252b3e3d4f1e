import { Fragment } from 'react';

/** An e-mail address that wraps only before "@" and dots, never in the middle of a word. */
export function Email({ address, className }: { address: string; className?: string }) {
  const parts = address.split(/(?=[@.])/);
  return (
    <span className={`email${className ? ` ${className}` : ''}`}>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 ? <wbr /> : null}
          {part}
        </Fragment>
      ))}
    </span>
  );
}
