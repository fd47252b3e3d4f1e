/** The theme choice: stored in a cookie so the server renders `<html data-theme>` and the page never flashes. */
export const THEME_COOKIE = 'portal-theme';
export type TThemeChoice = 'light' | 'dark' | 'system';

export function parseThemeChoice(value: string | undefined | null): TThemeChoice {
  return value === 'light' || value === 'dark' ? value : 'system';
}
