'use client';

import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';
import type { ApiError } from '@/components/ui/fetch-json';

/** Field messages from a problem+json `issues` list, keyed by field path. */
export function fieldErrors(error: ApiError | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error?.issues ?? []) out[issue.path] ??= issue.message;
  return out;
}

interface TFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  name: string;
  error?: string;
  hint?: ReactNode;
}

/** A labelled input with its hint and its error, wired for screen readers. */
export function Field({ label, name, error, hint, ...input }: TFieldProps) {
  const id = useId();
  const described =
    [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <label htmlFor={id}>
      {label}
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        {...input}
      />
      {hint ? (
        <span id={`${id}-hint`} className="muted" style={{ fontWeight: 400 }}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={`${id}-error`} className="field-error" style={{ color: 'var(--danger)', fontWeight: 400 }}>
          {error}
        </span>
      ) : null}
    </label>
  );
}

interface TSelectFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: string;
  name: string;
  error?: string;
  options: { value: string; label: string }[];
}

export function SelectField({ label, name, error, options, ...select }: TSelectFieldProps) {
  const id = useId();
  return (
    <label htmlFor={id}>
      {label}
      <select
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...select}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error ? (
        <span id={`${id}-error`} style={{ color: 'var(--danger)', fontWeight: 400 }}>
          {error}
        </span>
      ) : null}
    </label>
  );
}

/** The outcome of a form: the error summary (fields show their own messages) or the success message. */
export function FormFeedback({
  error,
  success,
}: {
  error: ApiError | null | undefined;
  success: string | null;
}) {
  if (error) {
    // Field problems are shown at their fields; repeating them here would make screen readers read them twice.
    const fieldCount = error.issues.length;
    return (
      <p className="error-box" role="alert">
        {fieldCount > 0
          ? `Not saved: ${fieldCount === 1 ? 'one field needs' : `${fieldCount} fields need`} correcting.`
          : error.message}
      </p>
    );
  }
  if (success) {
    return (
      <p role="status" className="success-box" style={{ color: 'var(--ok)', fontWeight: 600, margin: 0 }}>
        {success}
      </p>
    );
  }
  return null;
}

/** Form values as trimmed strings, blank fields left out. */
export function formValues(form: HTMLFormElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new FormData(form).entries()) {
    if (typeof v === 'string' && v.trim() !== '') out[k] = v.trim();
  }
  return out;
}

/** "sg-1, sg-2" or one per line → ["sg-1", "sg-2"]. */
export function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
