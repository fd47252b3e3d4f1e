import 'server-only';
import { forbidden, notFound } from 'next/navigation';
import { isAppError } from '@/lib/errors/app-error';
import { redirectToSignIn } from './require-actor';

/** Maps the domain's authorization errors to Next's 403 / 404 / sign-in interrupts for pages. */
export async function loadOrInterrupt<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (isAppError(error)) {
      if (error.code === 'FORBIDDEN') forbidden();
      if (error.code === 'NOT_FOUND') notFound();
      if (error.code === 'UNAUTHENTICATED') await redirectToSignIn();
    }
    throw error;
  }
}
