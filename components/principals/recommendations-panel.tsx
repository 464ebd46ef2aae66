import type { PrincipalEntitlement } from '@/db/queries/principals';
import { buildReplacementPolicy, type UsedBedrock } from '@/lib/analysis/recommendations/replacement-policy';
import type { Recommendation } from '@/lib/analysis/types';
import { Card } from '@/components/ui/card';
import { CodeSpanText } from '@/components/ui/code-span-text';
import { GrantPathText } from '@/components/principals/grant-path';

export interface RecommendationsPanelProps {
  recommendations: Recommendation[];
  /** The principal's entitlements: the grants a replacement policy is built from. */
  entitlements: PrincipalEntitlement[];
  /** What CloudTrail saw it use; null without evidence. */
  used: UsedBedrock | null;
}

function ReplacementPolicyText({ recommendation, entitlements, used }: { recommendation: Recommendation } & Pick<RecommendationsPanelProps, 'entitlements' | 'used'>) {
  const path = recommendation.path;
  if (recommendation.kind !== 'replace-managed-policy' || !path) return null;
  const entitlement = entitlements.find((entry) => entry.policyArn === path.policyArn && entry.attachedVia === path.attachedVia && entry.groupName === path.groupName);
  if (!entitlement) return null;
  const held = entitlement.statements.flatMap((statement) => statement.actions);
  const policy = buildReplacementPolicy(held, used);
  if (!policy) return <p className="mt-1 text-xs text-slate-700">CloudTrail shows no use of what this attachment grants: revoke it rather than replace it.</p>;
  const basis = policy.basis === 'usage' ? 'the actions and models CloudTrail saw it use' : 'every action the attachment grants (no usage evidence to narrow it)';
  return (
    <details className="mt-1">
      <summary className="cursor-pointer text-xs text-brand-700">Customer managed policy to use ({policy.document.Statement.length} statement{policy.document.Statement.length === 1 ? '' : 's'}, from {basis})</summary>
      <p className="mt-1 text-xs text-slate-700">It covers only the Bedrock actions of {entitlement.policyName}: if the attachment is there for other services too (as AdministratorAccess is), keep their statements in the replacement, or keep the attachment and add an explicit Deny of the Bedrock actions not listed here.</p>
      {policy.hasUnpinnedInvoke ? <p className="mt-1 text-xs text-amber-900">No model use on record: replace the invoke statement’s Resource with the model ARNs the workload needs.</p> : null}
      <pre className="mt-1 max-h-80 overflow-auto rounded bg-slate-900 p-2 text-xs text-slate-50" tabIndex={0} aria-label={`Policy text replacing ${entitlement.policyName}`}>
        {JSON.stringify(policy.document, null, 2)}
      </pre>
    </details>
  );
}

/** What to change, in words with code spans rendered as code, and the policy text where one is due. */
export function RecommendationsPanel({ recommendations, entitlements, used }: RecommendationsPanelProps) {
  return (
    <Card title="Recommendations" id="recommendations">
      {recommendations.length === 0 ? (
        <p className="text-sm text-slate-700">None.</p>
      ) : (
        <ul className="space-y-2.5 text-sm" data-testid="recommendations">
          {recommendations.map((recommendation, index) => (
            <li key={index} data-kind={recommendation.kind}>
              {/* The title and where it applies; the evidence behind it (a paragraph) opens under them. */}
              <details>
                <summary className="cursor-pointer marker:text-brand-700">
                  <span className="font-medium">
                    <CodeSpanText text={recommendation.title} />
                  </span>
                  {recommendation.path ? (
                    <span className="mt-0.5 block text-xs">
                      <GrantPathText path={recommendation.path} showStatement={recommendation.kind === 'pin-models' || recommendation.kind === 'require-guardrail'} />
                    </span>
                  ) : null}
                </summary>
                <p className="mt-0.5 text-slate-700">
                  <CodeSpanText text={recommendation.detail} />
                </p>
              </details>
              <ReplacementPolicyText recommendation={recommendation} entitlements={entitlements} used={used} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
