'use client';

import { useState } from 'react';
import { THEME_COOKIE, type TThemeChoice } from './theme';

const NEXT: Record<TThemeChoice, TThemeChoice> = { system: 'dark', dark: 'light', light: 'system' };
const LABEL: Record<TThemeChoice, string> = { system: 'System', dark: 'Dark', light: 'Light' };

/** Cycles system → dark → light. The choice is kept for a year in a cookie; "system" follows prefers-color-scheme. */
export function ThemeToggle({ initial }: { initial: TThemeChoice }) {
  const [choice, setChoice] = useState<TThemeChoice>(initial);
  const apply = (next: TThemeChoice) => {
    setChoice(next);
    const root = document.documentElement;
    if (next === 'system') {
      delete root.dataset.theme;
      document.cookie = `${THEME_COOKIE}=; path=/; max-age=0; samesite=lax`;
    } else {
      root.dataset.theme = next;
      document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
    }
  };
  return (
    <button
      type="button"
      className="btn theme-toggle"
      data-testid="theme-toggle"
      aria-label={`Colour theme: ${LABEL[choice]}. Change to ${LABEL[NEXT[choice]]}`}
      onClick={() => apply(NEXT[choice])}
    >
      <span aria-hidden="true">{choice === 'dark' ? '☾' : choice === 'light' ? '☀' : '◐'}</span>
      {LABEL[choice]}
    </button>
  );
}
