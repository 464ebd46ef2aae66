import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDatabase } from '@/db/client';
import { getPrincipalDetail, getPrincipalHistory, listPrincipalConflicts, listPrincipalEntitlements, type PrincipalDetail } from '@/db/queries/principals';
import { getLatestPublishedScanId } from '@/db/queries/scans';
import { maskToTiers } from '@/lib/analysis/tier-mask';
import type { ConditionEntry } from '@/lib/analysis/types';
import { requirePageUser } from '@/server/auth/session';
import { listRevocationsOfPrincipal, type PrincipalRevocation } from '@/db/queries/revocations/for-principal';
import { RequestRevocationButton } from '@/components/revocations/request-revocation-button';
import { protectionOf } from '@/lib/revocations/protected-principal';
import { RevocationStatusBadge } from '@/components/revocations/status-badge';
import { NotFoundError } from '@/lib/http/errors';
import { TrendLineChart } from '@/components/charts/trend-line-chart';
import { Badge, SeverityBadge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { formatDate, formatDateTime } from '@/components/ui/format';
import { GrantPathText } from '@/components/ui/grant-path';
import { ScoreBadge } from '@/components/ui/score-badge';
import { TierChip, TierChips } from '@/components/ui/tier-chip';
import { UsagePanel } from '@/components/usage/usage-panel';
import { getPrincipalUsageView } from '@/db/queries/usage-principal-view';
import { DecidedConditions } from '@/components/principals/decided-conditions';
import { getPeopleBehindRole } from '@/db/queries/people/people-behind-role';
import { PeopleBehindRolePanel } from '@/components/people/people-behind-role-panel';

export const metadata = { title: 'Principal' };

function Conditions({ conditions }: { conditions: ConditionEntry[] }) {
  if (conditions.length === 0) return null;
  return (
    <ul className="mt-1 space-y-1">
      {conditions.map((condition, index) => (
        <li key={index} className="flex flex-wrap items-center gap-1 text-xs">
          <Badge tone="warning">conditional</Badge>
          <span className="text-slate-700">{condition.source}</span>
          <code className="rounded bg-slate-100 px-1 font-mono">{condition.operator}</code>
          <code className="rounded bg-slate-100 px-1 font-mono">{condition.key}</code>
          <span>=</span>
          <code className="break-all rounded bg-slate-100 px-1 font-mono">{condition.values.join(', ')}</code>
          {condition.policyName ? <span className="text-slate-700">({condition.policyName})</span> : null}
          {condition.undecidedReason ? <span className="text-slate-700">: not decided, {condition.undecidedReason}</span> : null}
        </li>
      ))}
    </ul>
  );
}

/** The latest revocation of a grant, linked; older ones of the same grant are counted, not listed. */
function RevocationLink({ revocations }: { revocations: PrincipalRevocation[] }) {
  const [latest] = revocations;
  return (
    <span className="inline-flex items-center gap-1 text-xs" data-testid={`revocation-${latest.id}`}>
      <Link href={`/revocations/${latest.id}`} className="text-brand-700 underline underline-offset-2">
        Revocation #{latest.id}
      </Link>
      <RevocationStatusBadge status={latest.status} />
      {revocations.length > 1 ? <span className="text-slate-700">({revocations.length - 1} earlier)</span> : null}
    </span>
  );
}

function HeaderFacts({ principal }: { principal: PrincipalDetail }) {
  const facts: Array<[string, React.ReactNode]> = [
    ['ARN', <code key="arn" className="break-all font-mono text-xs">{principal.arn}</code>],
    ['Account', `${principal.accountName ?? principal.accountId} (${principal.accountId})${principal.environment ? ` · ${principal.environment}` : ''}`],
    ['Type', principal.type === 'user' ? 'IAM user' : 'IAM role'],
    ['Owner', principal.ownerEmail ?? 'unowned'],
    ['Permission set', principal.permissionSetName ?? '—'],
    ['Path', principal.path],
    ['Last used', principal.lastUsedAt ? formatDateTime(principal.lastUsedAt) : 'never / unknown'],
    ['Snapshot', `#${principal.scanId}, ${formatDateTime(principal.scanFinishedAt)}`],
  ];
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-4">
      {facts.map(([label, value]) => (
        <div key={label}>
          <dt className="text-xs font-semibold uppercase tracking-wide text-slate-700">{label}</dt>
          <dd className="mt-0.5 text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export default async function PrincipalPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser('admin', 'auditor', 'owner');
  const { id } = await params;
  const principalId = Number(id);
  if (!Number.isSafeInteger(principalId) || principalId <= 0) notFound();
  const database = getDatabase();
  let principal: PrincipalDetail;
  try {
    principal = getPrincipalDetail(database, user, principalId, getLatestPublishedScanId(database));
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const entitlements = listPrincipalEntitlements(database, user, principal.id);
  const conflicts = listPrincipalConflicts(database, user, principal.id);
  const history = getPrincipalHistory(database, user, principal.arn);
  // Keyed by entitlement key, which is stable across snapshots: a grant this snapshot no longer
  // holds (revoked since) is listed below the grants with its revocation.
  const revocationsByKey = listRevocationsOfPrincipal(database, principal.arn, user);
  const heldKeys = new Set(entitlements.map((entitlement) => entitlement.entitlementKey));
  const revokedElsewhere = [...revocationsByKey.values()].filter(([latest]) => !heldKeys.has(latest.entitlementKey));
  // SSO roles are revoked at Identity Center (the plan says how, or why not); service-linked roles never.
  const protection = protectionOf({ arn: principal.arn });
  const protectionReason = protection?.kind === 'service-linked' ? protection.reason : null;
  const { analysis } = principal;
  const usageView = getPrincipalUsageView(database, principal.scanId, principal, entitlements.flatMap((entitlement) => entitlement.statements.flatMap((statement) => statement.actions)));
  const credentials = analysis.credentials;
  // People are organisation-wide data: shown to admins and auditors, not to owners.
  const peopleBehind = principal.permissionSetName && user.role !== 'owner' ? getPeopleBehindRole(database, principal.scanId, principal.arn) : null;

  return (
    <div className="mx-auto max-w-6xl space-y-5">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/principals" className="text-brand-700 underline underline-offset-2">
          Principals
        </Link>{' '}
        / <span aria-current="page">{principal.name}</span>
      </nav>

      {!principal.isLatestScan ? (
        <div role="note" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          You are looking at an older snapshot (#{principal.scanId}). The latest snapshot may differ.
        </div>
      ) : null}

      <section aria-labelledby="principal-heading" className="rounded-lg border border-slate-200 bg-white p-5">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div>
            <div className="flex flex-wrap items-center gap-2">
              <h1 id="principal-heading" className="text-2xl font-bold text-slate-900">
                {principal.permissionSetName ?? principal.name}
              </h1>
              <Badge tone={principal.type === 'user' ? 'warning' : 'info'}>{principal.type}</Badge>
              {principal.permissionSetName ? <Badge>SSO permission set</Badge> : null}
            </div>
            {principal.permissionSetName ? <p className="mt-1 font-mono text-xs text-slate-700">{principal.name}</p> : null}
            <div className="mt-2">
              <TierChips tiers={maskToTiers(principal.tiersMask)} />
            </div>
          </div>
          <div className="text-right">
            <p className="text-xs font-semibold uppercase tracking-wide text-slate-700">Blast radius</p>
            <ScoreBadge score={principal.score} size="lg" />
          </div>
        </div>
        <div className="mt-4">
          <HeaderFacts principal={principal} />
        </div>
      </section>

      {peopleBehind ? <PeopleBehindRolePanel behind={peopleBehind} /> : null}

      <Card title="Blast radius factors" id="blast-radius" description={`Score ${analysis.blastRadius.score} of 100: the sum of the points below.`}>
        <ul className="divide-y divide-slate-100" data-testid="blast-radius-factors">
          {analysis.blastRadius.factors.map((factor) => {
            const percent = factor.maxPoints > 0 ? Math.round((factor.points / factor.maxPoints) * 100) : 0;
            return (
              <li key={factor.id} className="grid grid-cols-1 gap-2 py-2.5 md:grid-cols-[10rem_1fr_12rem] md:items-center">
                <div>
                  <p className="font-medium text-slate-900">{factor.label}</p>
                  <p className="text-xs text-slate-700">{factor.value}</p>
                </div>
                <p className="text-sm text-slate-800">{factor.sentence}</p>
                <div className="flex items-center gap-2">
                  <div className="h-2 flex-1 rounded bg-slate-100" role="meter" aria-label={`${factor.label} points`} aria-valuemin={0} aria-valuemax={factor.maxPoints} aria-valuenow={factor.points}>
                    <div className="h-2 rounded bg-brand-600" style={{ width: `${percent}%` }} />
                  </div>
                  <span className="w-14 text-right text-xs tabular-nums text-slate-800">
                    {factor.points}/{factor.maxPoints}
                  </span>
                </div>
              </li>
            );
          })}
        </ul>
      </Card>

      <UsagePanel {...usageView} />

      <Card title="Grants" id="grants" description={`${principal.actionCount} Bedrock action(s) through ${entitlements.length} entitlement(s).`}>
        {entitlements.length === 0 ? (
          <p className="text-sm text-slate-700">This principal holds no Bedrock grant.</p>
        ) : (
          <div className="space-y-4">
            {entitlements.map((entitlement) => (
              <article key={entitlement.id} className="rounded-md border border-slate-200" aria-labelledby={`entitlement-${entitlement.id}`}>
                <header className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 bg-slate-50 px-3 py-2">
                  <h3 id={`entitlement-${entitlement.id}`} className="text-sm">
                    <GrantPathText path={entitlement} showStatement={false} />
                  </h3>
                  <span className="flex items-center gap-2">
                    {entitlement.isConditional ? <Badge tone="warning">conditional</Badge> : null}
                    <TierChips tiers={maskToTiers(entitlement.tiersMask)} />
                    {revocationsByKey.has(entitlement.entitlementKey) ? <RevocationLink revocations={revocationsByKey.get(entitlement.entitlementKey) ?? []} /> : null}
                    {user.role === 'admin' ? <RequestRevocationButton principalId={principal.id} entitlementKey={entitlement.entitlementKey} policyLabel={entitlement.policyName} protectionReason={protectionReason} /> : null}
                  </span>
                </header>
                <ul className="divide-y divide-slate-100">
                  {entitlement.statements.map((statement) => (
                    <li key={statement.id} className="px-3 py-2 text-sm">
                      <p className="text-xs text-slate-700">
                        Statement {statement.statementId ? <code className="font-mono">{statement.statementId}</code> : <span>(no Sid)</span>} · index {statement.statementIndex}
                        {statement.requiresGuardrail && statement.actions.some((action) => action.tier === 'invoke') ? <Badge tone="success" className="ml-2">guardrail required</Badge> : null}
                      </p>
                      <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
                        {statement.actions.map((action) => (
                          <li key={action.action} className="flex items-center gap-1">
                            <code className="font-mono text-xs">{action.action}</code>
                            <TierChip tier={action.tier} />
                          </li>
                        ))}
                      </ul>
                      <dl className="mt-1 grid grid-cols-1 gap-x-4 text-xs md:grid-cols-2">
                        <div>
                          <dt className="inline font-semibold text-slate-700">Resources: </dt>
                          <dd className="inline break-all font-mono">{statement.resources.join(', ')}</dd>
                          {statement.notResources.length > 0 ? <dd className="break-all font-mono">except {statement.notResources.join(', ')}</dd> : null}
                        </div>
                        <div>
                          <dt className="inline font-semibold text-slate-700">Regions: </dt>
                          <dd className="inline">{statement.regions.includes('*') ? 'all regions' : statement.regions.join(', ')}</dd>
                        </div>
                      </dl>
                      <Conditions conditions={statement.conditions} />
                      <DecidedConditions lists={statement.actions.map((action) => action.decided)} />
                    </li>
                  ))}
                </ul>
              </article>
            ))}
          </div>
        )}
        {revokedElsewhere.length > 0 ? (
          <section aria-labelledby="revoked-grants-heading" className="mt-4 rounded-md border border-slate-200 px-3 py-2" data-testid="revoked-grants">
            <h3 id="revoked-grants-heading" className="text-sm font-semibold text-slate-900">
              Revocations of grants not in this snapshot
            </h3>
            <ul className="mt-1 divide-y divide-slate-100">
              {revokedElsewhere.map((list) => (
                <li key={list[0].entitlementKey} className="flex flex-wrap items-center justify-between gap-2 py-1.5 text-sm">
                  <span className="font-medium text-slate-900">{list[0].grantLabel}</span>
                  <span className="flex items-center gap-2">
                    {list[0].effectiveAt ? <span className="text-xs text-slate-700">{formatDateTime(list[0].effectiveAt)}</span> : null}
                    <RevocationLink revocations={list} />
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </Card>

      <div className="grid grid-cols-1 gap-5 lg:grid-cols-2">
        <Card title="Denied actions" id="denied" description="Actions an identity policy allows but something else blocks.">
          {analysis.denied.length === 0 ? (
            <p className="text-sm text-slate-700">None.</p>
          ) : (
            <ul className="space-y-2 text-sm">
              {analysis.denied.map((denied, index) => (
                <li key={`${denied.action}-${index}`}>
                  <span className="flex items-center gap-1">
                    <code className="font-mono text-xs">{denied.action}</code> <TierChip tier={denied.tier} />
                  </span>
                  <p className="text-xs text-slate-700">
                    {denied.deniedBy.kind === 'explicit' ? 'Explicit Deny' : 'Not allowed'} in {denied.deniedBy.source === 'scp' ? 'SCP' : denied.deniedBy.source === 'boundary' ? 'permissions boundary' : 'identity policy'} <strong>{denied.deniedBy.policyName}</strong>
                    {denied.deniedBy.statementId ? `, statement ${denied.deniedBy.statementId}` : ''}
                    {denied.deniedBy.statementIndex !== null ? ` #${denied.deniedBy.statementIndex}` : ''}
                  </p>
                  <DecidedConditions lists={[denied.deniedBy.decided]} />
                </li>
              ))}
            </ul>
          )}
        </Card>

        <Card title="Who can become it" id="exposure">
          <div className="mb-2 flex flex-wrap gap-1">
            {analysis.exposure.isReachableFromOutsideOrganization ? <Badge tone="danger">reachable from outside the organisation</Badge> : null}
            {analysis.exposure.hasUnpinnedOidcTrust ? <Badge tone="danger">OIDC subject not pinned</Badge> : null}
            {analysis.exposure.hasPublicTrust ? <Badge tone="critical">public trust</Badge> : null}
          </div>
          {principal.type === 'user' ? <p className="text-sm text-slate-700">An IAM user: it signs in with its own credentials (see below).</p> : null}
          {analysis.exposure.trusts.length > 0 ? (
            <>
              <h3 className="mt-2 text-sm font-semibold">Trust policy</h3>
              <ul className="mt-1 space-y-2 text-sm">
                {analysis.exposure.trusts.map((trust, index) => (
                  <li key={index}>
                    <span className="flex flex-wrap items-center gap-1">
                      <Badge tone={trust.kind === 'public' || trust.kind === 'external-account' ? 'danger' : trust.kind === 'oidc' || trust.kind === 'saml' ? 'warning' : 'neutral'}>{trust.kind}</Badge>
                      <code className="break-all font-mono text-xs">{trust.principal}</code>
                      {trust.kind === 'oidc' ? trust.isSubjectPinned ? <Badge tone="success">subject pinned</Badge> : <Badge tone="danger">subject not pinned</Badge> : null}
                    </span>
                    <Conditions conditions={trust.conditions} />
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {analysis.exposure.assumableBy.length > 0 ? (
            <>
              <h3 className="mt-3 text-sm font-semibold">Assumable by</h3>
              <ul className="mt-1 space-y-1 text-xs">
                {analysis.exposure.assumableBy.slice(0, 50).map((path, index) => (
                  <li key={index} className="break-all font-mono">
                    {path.chain.join(' → ')}
                  </li>
                ))}
              </ul>
              {analysis.exposure.assumableBy.length > 50 ? <p className="mt-1 text-xs text-slate-700">and {analysis.exposure.assumableBy.length - 50} more.</p> : null}
            </>
          ) : null}
        </Card>
      </div>

      <Card title="Separation-of-duties conflicts" id="conflicts">
        {conflicts.length === 0 ? (
          <p className="text-sm text-slate-700">No conflict.</p>
        ) : (
          <ul className="space-y-3">
            {conflicts.map((conflict) => (
              <li key={conflict.id} className="rounded-md border border-slate-200 p-3">
                <p className="flex flex-wrap items-center gap-2 text-sm">
                  <SeverityBadge severity={conflict.severity} /> <code className="font-mono text-xs">{conflict.ruleId}</code> <span className="font-medium">{conflict.title}</span>
                  {conflict.exception ? <Badge tone="success">exception until {formatDate(conflict.exception.expiresAt)}</Badge> : null}
                </p>
                <div className="mt-2 grid grid-cols-1 gap-3 text-xs md:grid-cols-2">
                  {[
                    ['Side A', conflict.sideA],
                    ['Side B', conflict.sideB],
                  ].map(([label, side]) => (
                    <div key={label as string}>
                      <h3 className="font-semibold text-slate-700">{label as string}</h3>
                      <ul className="mt-1 space-y-1">
                        {(side as typeof conflict.sideA).slice(0, 10).map((grant, index) => (
                          <li key={index}>
                            <GrantPathText path={grant.path} />
                            <span className="mt-0.5 flex flex-wrap items-center gap-1">
                              {grant.actions.slice(0, 12).map((action) => (
                                <code key={action} className="font-mono">
                                  {action}
                                </code>
                              ))}
                              {grant.actions.length > 12 ? <span className="text-slate-700">+{grant.actions.length - 12} more</span> : null}
                              {grant.tiers.map((tier) => (
                                <TierChip key={tier} tier={tier} />
                              ))}
                            </span>
                          </li>
                        ))}
                      </ul>
                    </div>
                  ))}
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <div className="grid grid-cols-1 gap-5 lg:grid-cols-2">
        <Card title="Recommendations" id="recommendations">
          {analysis.recommendations.length === 0 ? (
            <p className="text-sm text-slate-700">None.</p>
          ) : (
            <ul className="space-y-2 text-sm">
              {analysis.recommendations.map((recommendation, index) => (
                <li key={index}>
                  <p className="font-medium">{recommendation.title}</p>
                  <p className="text-slate-700">{recommendation.detail}</p>
                  {recommendation.path ? (
                    <p className="text-xs">
                      <GrantPathText path={recommendation.path} />
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </Card>

        <Card title="Credentials" id="credentials">
          <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm">
            <dt className="text-slate-700">Active access keys</dt>
            <dd>{credentials.activeAccessKeyCount}</dd>
            <dt className="text-slate-700">Oldest active key</dt>
            <dd>{credentials.oldestActiveKeyAgeDays === null ? '—' : `${credentials.oldestActiveKeyAgeDays} days`}</dd>
            <dt className="text-slate-700">Last key use</dt>
            <dd>{credentials.lastKeyUseDaysAgo === null ? '—' : `${credentials.lastKeyUseDaysAgo} days ago`}</dd>
            <dt className="text-slate-700">Bedrock API key</dt>
            <dd>{credentials.hasBedrockApiKey ? <Badge tone="danger">yes</Badge> : 'no'}</dd>
            <dt className="text-slate-700">Console password without MFA</dt>
            <dd>{credentials.hasConsolePasswordWithoutMfa ? <Badge tone="danger">yes</Badge> : 'no'}</dd>
            <dt className="text-slate-700">Role last used</dt>
            <dd>{credentials.roleLastUsedDaysAgo === null ? '—' : `${credentials.roleLastUsedDaysAgo} days ago`}</dd>
            <dt className="text-slate-700">Last Bedrock use</dt>
            <dd>{credentials.lastBedrockUseDaysAgo === null ? 'unknown' : `${credentials.lastBedrockUseDaysAgo} days ago`}</dd>
          </dl>
        </Card>
      </div>

      <Card title="History across snapshots" id="history">
        {history.length < 2 ? (
          <p className="text-sm text-slate-700">{history.length === 1 ? 'Only one snapshot so far.' : 'No history.'}</p>
        ) : (
          <>
            <TrendLineChart
              label={`Blast radius of ${principal.name} per snapshot`}
              height={180}
              yDomain={[0, 100]}
              data={history.map((point) => ({ label: `#${point.scanId} ${formatDate(point.finishedAt)}`, score: point.score, actions: point.actionCount }))}
              series={[{ key: 'score', label: 'Score', colour: '#1f5fbf' }]}
            />
            <table className="mt-3 w-full text-left text-sm">
              <caption className="sr-only">Score, tiers and action count per snapshot</caption>
              <thead className="border-b border-slate-200 text-slate-700">
                <tr>
                  <th scope="col" className="py-1.5 pr-3">Snapshot</th>
                  <th scope="col" className="py-1.5 pr-3">Score</th>
                  <th scope="col" className="py-1.5 pr-3">Tiers</th>
                  <th scope="col" className="py-1.5 text-right">Actions</th>
                </tr>
              </thead>
              <tbody>
                {history.map((point) => (
                  <tr key={point.scanId} className="border-b border-slate-100">
                    <td className="py-1.5 pr-3">
                      {point.principalId === principal.id ? (
                        <span>#{point.scanId} (this one)</span>
                      ) : (
                        <Link href={`/principals/${point.principalId}`} className="text-brand-700 underline">
                          #{point.scanId}
                        </Link>
                      )}{' '}
                      <span className="text-slate-700">{formatDate(point.finishedAt)}</span>
                    </td>
                    <td className="py-1.5 pr-3">
                      <ScoreBadge score={point.score} />
                    </td>
                    <td className="py-1.5 pr-3">
                      <TierChips tiers={maskToTiers(point.tiersMask)} />
                    </td>
                    <td className="py-1.5 text-right tabular-nums">{point.actionCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </Card>

      {analysis.errors.length > 0 ? (
        <Card title="Evaluation problems" id="errors">
          <ul className="list-disc pl-5 text-sm text-red-900">
            {analysis.errors.map((message, index) => (
              <li key={index}>{message}</li>
            ))}
          </ul>
        </Card>
      ) : null}
      {entitlements.length === 0 && conflicts.length === 0 && analysis.actions.length === 0 ? <EmptyState title="No Bedrock access" headingLevel={2}>This principal cannot use Bedrock in this snapshot.</EmptyState> : null}
    </div>
  );
}
