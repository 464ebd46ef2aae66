import type { PlanRefusal } from '@/lib/revocations/types';

const TITLES: Record<PlanRefusal['code'], string> = {
  'identity-center': 'Cannot be revoked in IAM: Identity Center role',
  'service-linked': 'Cannot be revoked: service-linked role',
  'iam-limit': 'Refused: IAM would reject this change',
};

/** Why a plan makes no IAM call, shown before anyone approves or decides. */
export function RevocationRefusal({ refusal }: { refusal: PlanRefusal }) {
  return (
    <div role="note" data-testid="plan-refusal" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
      <p className="font-semibold">{TITLES[refusal.code]}</p>
      <p className="mt-1">{refusal.reason}</p>
      {refusal.limits.some((limit) => limit.kind !== 'name') ? (
        <ul className="mt-1 list-disc pl-5">
          {refusal.limits.filter((limit) => limit.kind !== 'name').map((limit) => (
            <li key={`${limit.kind}-${limit.limit}`}>
              {limit.kind}: {limit.actual.toLocaleString('en-US')} where IAM allows {limit.limit.toLocaleString('en-US')}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
