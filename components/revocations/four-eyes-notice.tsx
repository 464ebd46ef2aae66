/** Which approval mode is on (`revocations.requireFourEyes`), said wherever revocations are approved. */
export function FourEyesNotice({ requireFourEyes, requestedBy }: { requireFourEyes: boolean; requestedBy?: string }) {
  return requireFourEyes ? (
    <p className="text-sm text-slate-700" data-testid="four-eyes-mode">
      <span className="font-semibold text-slate-900">Four-eyes approval is on:</span> an admin other than the requester{requestedBy ? ` (${requestedBy})` : ''} approves, with a comment.
    </p>
  ) : (
    <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="four-eyes-mode">
      <span className="font-semibold">Four-eyes approval is off</span> (<code>revocations.requireFourEyes: false</code> in the configuration): one admin can request, approve and execute a revocation alone.
    </p>
  );
}
