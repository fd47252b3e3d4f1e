import { redirect } from 'next/navigation';
import { requirePageActor } from '@/app/_lib/require-actor';
import { landingPathFor } from '@/lib/auth/navigation';

export default async function Home() {
  const actor = await requirePageActor();
  redirect(landingPathFor(actor));
}
