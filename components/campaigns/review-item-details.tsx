import Link from 'next/link';
import { ItemUsage } from '@/components/usage/item-usage';
import type { InboxItemView } from './inbox-items';
import { AssignmentItemContextPanel } from './assignment-item-context';

const SIDE_LABEL = { 'side-a': 'this grant is on the first side', 'side-b': 'this grant is on the second side', both: 'this grant alone is on both sides', unknown: 'the sides were not recorded with this snapshot' } as const;

function grantPathText(path: NonNullable<InboxItemView['grantPath']>): string {
  const kind = path.policyKind === 'inline' ? 'Inline policy' : path.isAwsManaged ? 'AWS managed policy' : 'Customer managed policy';
  const via = path.attachedVia === 'group' ? `through group ${path.groupName ?? '?'}` : 'attached directly';
  return `${kind} ${path.policyName}, ${via}`;
}

/** What a reviewer reads before deciding, shown in place under the row: grant path, usage, conflicts, history. */
export function ReviewItemDetails({ item }: { item: InboxItemView }) {
  return (
    <div className="space-y-2 text-sm text-slate-800" data-testid={`item-details-${item.id}`}>
      {item.assignment ? <AssignmentItemContextPanel assignment={item.assignment} /> : null}
      <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-3">
        <div className="sm:col-span-3">
          <dt className="inline font-medium">Grant path: </dt>
          <dd className="inline break-words">
            {item.grantPath ? grantPathText(item.grantPath) : item.policyLabel}
            {item.grantPath?.policyArn ? <span className="ml-1 font-mono text-xs text-slate-700">{item.grantPath.policyArn}</span> : null}
          </dd>
        </div>
        <div className="sm:col-span-3">
          <dt className="inline font-medium">Principal: </dt>
          <dd className="inline break-all font-mono text-xs">{item.principalArn}</dd>
        </div>
        <ItemUsage usage={item.usage} />
        <div>
          <dt className="inline font-medium">Last Bedrock use (principal): </dt>
          <dd className="inline">{item.lastUsedAt ? item.lastUsedAt.slice(0, 10) : 'never seen'}</dd>
        </div>
        <div>
          <dt className="inline font-medium">Peers with the same policy: </dt>
          <dd className="inline">{item.peerCount}</dd>
        </div>
        <div>
          <dt className="inline font-medium">Campaign: </dt>
          <dd className="inline">
            {item.campaignName}, due {item.campaignDueAt.slice(0, 10)}
          </dd>
        </div>
        <div className="sm:col-span-3">
          <dt className="inline font-medium">Recommendation: </dt>
          <dd className="inline">{item.recommendation.reason}</dd>
        </div>
        <div className="sm:col-span-3" data-testid="item-conflicts">
          <dt className="inline font-medium">SoD conflicts of this grant: </dt>
          <dd className="inline">
            {item.conflicts.length === 0 ? 'none' : item.conflicts.map((conflict) => `${conflict.title} (${conflict.severity}${conflict.participation ? `; ${SIDE_LABEL[conflict.participation]}` : ''})`).join('; ')}
            {item.otherConflictCount ? ` · ${item.otherConflictCount} other ${item.otherConflictCount === 1 ? 'conflict' : 'conflicts'} of this principal come from its other grants` : ''}
          </dd>
        </div>
      </dl>
      <details>
        <summary className="cursor-pointer text-brand-700">{item.actionCount} actions</summary>
        <p className="mt-1 break-words font-mono text-xs text-slate-700">
          {item.sampleActions.join(', ')}
          {item.actionCount > item.sampleActions.length ? ` and ${item.actionCount - item.sampleActions.length} more` : ''}
        </p>
      </details>
      {item.lastDecision ? (
        <p>
          Last decision: <strong>{item.lastDecision.kind}</strong> by {item.lastDecision.decidedBy} on {item.lastDecision.decidedAt.slice(0, 16).replace('T', ' ')}: “{item.lastDecision.justification}”
          {item.keepUntil ? ` (keep until ${item.keepUntil})` : ''}
        </p>
      ) : null}
      {item.reviewerReason === 'delegated' ? <p className="text-xs text-slate-700">Delegated to you.</p> : null}
      {item.principalId ? (
        <Link href={`/principals/${item.principalId}`} className="text-brand-700 underline underline-offset-2">
          Open the principal
        </Link>
      ) : null}
      {item.protectionReason ? (
        <p role="note" data-testid="item-protected" className="rounded border border-amber-300 bg-amber-50 px-2 py-1 text-xs text-amber-900">
          Revoke decisions on this principal are not carried out in IAM: {item.protectionReason}
        </p>
      ) : null}
    </div>
  );
}
