'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';

export function DeactivateUserButton({ email }: { email: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  async function handleClick() {
    if (!window.confirm(`Deactivate ${email}? Their sessions end at once.`)) return;
    setIsBusy(true);
    setError(null);
    const response = await fetch('/api/users/deactivate', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email }) });
    setIsBusy(false);
    if (!response.ok) {
      setError(((await response.json().catch(() => ({}))) as { error?: string }).error ?? 'Deactivation failed.');
      return;
    }
    router.refresh();
  }

  return (
    <span className="inline-flex flex-col items-end gap-1">
      <Button variant="secondary" size="sm" onClick={handleClick} disabled={isBusy} aria-label={`Deactivate ${email}`}>
        {isBusy ? 'Deactivating…' : 'Deactivate'}
      </Button>
      {error ? (
        <span role="alert" className="text-xs text-red-800">
          {error}
        </span>
      ) : null}
    </span>
  );
}
