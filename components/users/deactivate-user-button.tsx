'use client';

import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { useJsonRequest } from '@/components/forms/use-json-request';
import { RequestError } from '@/components/forms/request-error';

export function DeactivateUserButton({ email }: { email: string }) {
  const router = useRouter();
  const { isSubmitting, error, send } = useJsonRequest();

  async function handleClick() {
    if (!window.confirm(`Deactivate ${email}? Their sessions end at once.`)) return;
    if (!(await send('/api/users/deactivate', 'POST', { email }))) return;
    router.refresh();
  }

  return (
    <span className="inline-flex flex-col items-end gap-1">
      <Button variant="secondary" size="sm" onClick={handleClick} disabled={isSubmitting} aria-label={`Deactivate ${email}`}>
        {isSubmitting ? 'Deactivating…' : 'Deactivate'}
      </Button>
      <RequestError error={error} />
    </span>
  );
}
