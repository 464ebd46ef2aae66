'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';

interface Progress {
  id: number;
  status: string;
  progressDone: number;
  progressTotal: number;
  progressMessage: string | null;
  error: string | null;
  isFinished: boolean;
}

const POLL_MS = 2000;

/**
 * Queues a scan (admins only: the route checks it too) and follows its progress by polling
 * every 2 s. Given `activeScanId`, it resumes following a scan that is already pending.
 */
export function ScanNowButton({ activeScanId, canStart }: { activeScanId: number | null; canStart: boolean }) {
  const router = useRouter();
  const [scanId, setScanId] = useState<number | null>(activeScanId);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);

  useEffect(() => {
    if (scanId === null) return;
    let isCancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const response = await fetch(`/api/scans/${scanId}`, { cache: 'no-store' });
        const body = (await response.json()) as Progress & { error?: string };
        if (isCancelled) return;
        if (!response.ok) {
          setError(body.error ?? `The server answered ${response.status}.`);
          return;
        }
        setProgress(body);
        if (body.isFinished) {
          router.refresh();
          return;
        }
      } catch {
        if (!isCancelled) setError('Lost contact with the server; retrying.');
      }
      if (!isCancelled) timer = setTimeout(poll, POLL_MS);
    };
    void poll();
    return () => {
      isCancelled = true;
      if (timer) clearTimeout(timer);
    };
  }, [scanId, router]);

  async function start() {
    setIsSubmitting(true);
    setError(null);
    try {
      const response = await fetch('/api/scans', { method: 'POST' });
      const body = (await response.json().catch(() => ({}))) as { scanId?: number; error?: string };
      if (!response.ok || body.scanId === undefined) {
        setError(body.error ?? `The server answered ${response.status}.`);
        return;
      }
      setProgress(null);
      setScanId(body.scanId);
      router.refresh();
    } catch {
      setError('The server could not be reached. Try again.');
    } finally {
      setIsSubmitting(false);
    }
  }

  const isRunning = progress !== null ? !progress.isFinished : scanId !== null;
  const percent = progress && progress.progressTotal > 0 ? Math.round((progress.progressDone / progress.progressTotal) * 100) : null;

  return (
    <div className="flex flex-col items-end gap-2" data-testid="scan-now">
      {canStart ? (
        <Button onClick={start} disabled={isSubmitting || isRunning}>
          {isSubmitting ? 'Queuing…' : isRunning ? 'Scan in progress' : 'Scan now'}
        </Button>
      ) : null}
      {scanId !== null ? (
        <div role="status" aria-live="polite" className="w-72 text-right text-sm text-slate-800">
          {progress === null ? (
            <span>Scan #{scanId}: checking…</span>
          ) : (
            <>
              <span>
                Scan #{progress.id}: <strong>{progress.status}</strong>
                {progress.progressMessage ? ` — ${progress.progressMessage}` : ''}
              </span>
              {!progress.isFinished ? (
                <div className="mt-1 h-2 w-full rounded bg-slate-200" role="progressbar" aria-label="Scan progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent ?? undefined}>
                  <div className="h-2 rounded bg-brand-600 transition-all" style={{ width: `${percent ?? 5}%` }} />
                </div>
              ) : null}
              {progress.error ? <p className="mt-1 text-red-800">{progress.error}</p> : null}
            </>
          )}
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
