import type { Exposure, TrustEntry, TrustKind } from '@/lib/analysis/types';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { GrantConditions } from './grant-conditions';

const TRUST_TONE: Record<TrustKind, BadgeTone> = { public: 'danger', 'external-account': 'danger', oidc: 'warning', saml: 'warning', 'same-account': 'neutral', 'organization-account': 'neutral', 'aws-service': 'neutral' };
const SHOWN_CHAINS = 50;

function SubjectPin({ trust }: { trust: TrustEntry }) {
  if (trust.kind !== 'oidc') return null;
  return trust.isSubjectPinned ? <Badge tone="success">subject pinned</Badge> : <Badge tone="danger">subject not pinned</Badge>;
}

/** Who can become the principal: its trust policy and the assume-role chains that reach it. */
export function ExposurePanel({ exposure, isUser }: { exposure: Exposure; isUser: boolean }) {
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
          <h3 className="mt-3 text-sm font-semibold">Assumable by</h3>
          <ul className="mt-1 space-y-1 text-xs">
            {exposure.assumableBy.slice(0, SHOWN_CHAINS).map((path, index) => (
              <li key={index} className="break-all font-mono">
                {path.chain.join(' → ')}
              </li>
            ))}
          </ul>
          {exposure.assumableBy.length > SHOWN_CHAINS ? <p className="mt-1 text-xs text-slate-700">and {exposure.assumableBy.length - SHOWN_CHAINS} more.</p> : null}
        </>
      ) : null}
    </Card>
  );
}
