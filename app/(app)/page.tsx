import { redirect } from 'next/navigation';
import { homePathFor } from '@/components/layout/navigation';
import { requirePageUser } from '@/server/auth/session';

export default async function HomePage() {
  const user = await requirePageUser();
  redirect(homePathFor(user.role));
}
