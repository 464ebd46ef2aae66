import type { Exposure, TrustEntry, TrustKind } from '@/lib/analysis/types';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { arnLabel } from '@/lib/principals/arn-label';
import { GrantConditions } from './grant-conditions';

const TRUST_TONE: Record<TrustKind, BadgeTone> = { public: 'danger', 'external-account': 'danger', oidc: 'warning', saml: 'warning', 'same-account': 'neutral', 'organization-account': 'neutral', 'aws-service': 'neutral' };
/** Chains shown at once; the rest (up to SHOWN_CHAINS) behind "Show all". */
const FIRST_CHAINS = 6;
const SHOWN_CHAINS = 50;

function SubjectPin({ trust }: { trust: TrustEntry }) {
  if (trust.kind !== 'oidc') return null;
  return trust.isSubjectPinned ? <Badge tone="success">subject pinned</Badge> : <Badge tone="danger">subject not pinned</Badge>;
}

/** One assume-role chain by names (the full ARN on hover), ending before the principal itself. */
function Chain({ chain }: { chain: string[] }) {
  const hops = chain.length > 1 ? chain.slice(0, -1) : chain;
  return (
    <li className="flex flex-wrap items-baseline gap-x-1">
      {hops.map((arn, index) => {
        const { name, accountId } = arnLabel(arn);
        return (
          <span key={index} className="inline-flex items-baseline gap-1" title={arn}>
            {index > 0 ? <span aria-hidden="true">→</span> : null}
            <span className="break-all font-mono">{name}</span>
            {accountId ? <span className="text-slate-600">{accountId}</span> : null}
          </span>
        );
      })}
      {chain.length > 2 ? <span className="text-slate-600">({chain.length - 1} hops)</span> : null}
    </li>
  );
}

/** Who can become the principal: its trust policy and the assume-role chains that reach it. */
export function ExposurePanel({ exposure, isUser }: { exposure: Exposure; isUser: boolean }) {
  const chains = [...exposure.assumableBy].sort((left, right) => left.chain.length - right.chain.length);
  return (
    <Card title="Who can become it" id="exposure">
      <div className="mb-2 flex flex-wrap gap-1">
        {exposure.isReachableFromOutsideOrganization ? <Badge tone="danger">reachable from outside the organisation</Badge> : null}
        {exposure.hasUnpinnedOidcTrust ? <Badge tone="danger">OIDC subject not pinned</Badge> : null}
        {exposure.hasPublicTrust ? <Badge tone="critical">public trust</Badge> : null}
      </div>
      {isUser ? <p className="text-sm text-slate-700">An IAM user: it signs in with its own credentials (see below).</p> : null}
      {exposure.trusts.length > 0 ? (
        <>
          <h3 className="mt-2 text-sm font-semibold">Trust policy</h3>
          <ul className="mt-1 space-y-2 text-sm">
            {exposure.trusts.map((trust, index) => (
              <li key={index}>
                <span className="flex flex-wrap items-center gap-1">
                  <Badge tone={TRUST_TONE[trust.kind]}>{trust.kind}</Badge>
                  <code className="break-all font-mono text-xs">{trust.principal}</code>
                  <SubjectPin trust={trust} />
                </span>
                <GrantConditions conditions={trust.conditions} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {exposure.assumableBy.length > 0 ? (
        <>
          <h3 className="mt-3 text-sm font-semibold">
            Assumable by <span className="font-normal tabular-nums text-slate-700">· {exposure.assumableBy.length} chain{exposure.assumableBy.length === 1 ? '' : 's'}, shortest first</span>
          </h3>
          <ul className="mt-1 space-y-1 text-xs" data-testid="assume-chains">
            {chains.slice(0, FIRST_CHAINS).map((path, index) => (
              <Chain key={index} chain={path.chain} />
            ))}
          </ul>
          {chains.length > FIRST_CHAINS ? (
            <details className="mt-1 text-xs">
              <summary className="cursor-pointer text-brand-700">Show all {exposure.assumableBy.length} chains</summary>
              <ul className="mt-1 space-y-1">
                {chains.slice(FIRST_CHAINS, SHOWN_CHAINS).map((path, index) => (
                  <Chain key={index} chain={path.chain} />
                ))}
              </ul>
              {exposure.assumableBy.length > SHOWN_CHAINS ? <p className="mt-1 text-slate-700">and {exposure.assumableBy.length - SHOWN_CHAINS} more.</p> : null}
            </details>
          ) : null}
        </>
      ) : null}
    </Card>
  );
}
