import { PageSkeleton } from '@/components/ui/skeleton';

/** Shown at once on navigation while a portal page loads on the server (every page below inherits it). */
export default function Loading() {
  return <PageSkeleton />;
}
