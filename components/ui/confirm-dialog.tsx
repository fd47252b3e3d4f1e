'use client';

import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

export interface TConfirmDialogProps {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  /** Red confirm button for destructive changes. */
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A modal confirmation on the native <dialog>: focus moves into it (to Cancel, the safe choice), Escape cancels,
 * and the page behind is inert. Use it before every destructive or role change.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel = 'Cancel',
  danger,
  onConfirm,
  onCancel,
}: TConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      cancelRef.current?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby={titleId}
      aria-describedby={children ? bodyId : undefined}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      {open ? (
        <>
          <h2 id={titleId}>{title}</h2>
          {children ? <div id={bodyId}>{children}</div> : null}
          <div className="dialog-actions">
            <button ref={cancelRef} type="button" className="btn" onClick={onCancel}>
              {cancelLabel}
            </button>
            <button type="button" className={danger ? 'btn danger' : 'btn primary'} onClick={onConfirm}>
              {confirmLabel}
            </button>
          </div>
        </>
      ) : null}
    </dialog>
  );
}

/**
 * A button that asks first. `onConfirm` runs only after the user confirms in the dialog.
 * Example: <ConfirmButton label="Remove" title="Remove Mo Haddad from Payments?" confirmLabel="Remove" danger
 *   onConfirm={() => remove.mutate(...)}>They lose access to the team's pages at once.</ConfirmButton>
 */
export function ConfirmButton({
  label,
  ariaLabel,
  title,
  children,
  confirmLabel,
  danger,
  disabled,
  pending,
  className,
  onConfirm,
}: {
  label: ReactNode;
  ariaLabel?: string;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  disabled?: boolean;
  pending?: boolean;
  className?: string;
  onConfirm: () => void;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className={className ?? 'btn'}
        aria-label={ariaLabel}
        aria-haspopup="dialog"
        aria-busy={pending || undefined}
        disabled={disabled || pending}
        onClick={() => setOpen(true)}
      >
        {pending ? <span className="spinner" aria-hidden="true" /> : null}
        {label}
      </button>
      <ConfirmDialog
        open={open}
        title={title}
        confirmLabel={confirmLabel}
        danger={danger}
        onCancel={() => setOpen(false)}
        onConfirm={() => {
          setOpen(false);
          onConfirm();
        }}
      >
        {children}
      </ConfirmDialog>
    </>
  );
}
