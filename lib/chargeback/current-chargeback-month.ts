/** The current calendar month in the organization's time zone. */
import { env } from '@/lib/env';
import { monthOf } from './org-calendar';

export function currentChargebackMonth(now: Date = new Date()): string {
  return monthOf(now, env().PORTAL_ORG_TIME_ZONE);
}
