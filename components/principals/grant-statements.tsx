import type { PrincipalGrantStatement } from '@/db/queries/principals';
import { Badge } from '@/components/ui/badge';
import { TierChip } from '@/components/principals/tier-chip';
import { DecidedConditions } from './decided-conditions';
import { GrantConditions } from './grant-conditions';

/** "Statement #2 (Sid AllowInvoke)": counted from 1, as the recommendations count statements. */
export function StatementLabel({ statement }: { statement: Pick<PrincipalGrantStatement, 'statementId' | 'statementIndex'> }) {
  return (
    <>
      Statement #{statement.statementIndex + 1}
      {statement.statementId ? (
        <>
          {' '}
          (Sid <code className="font-mono">{statement.statementId}</code>)
        </>
      ) : null}
    </>
  );
}

/** Every statement of one entitlement: its actions with their tiers, resources, regions and conditions. */
export function GrantStatements({ statements }: { statements: PrincipalGrantStatement[] }) {
  return (
    <ul className="divide-y divide-slate-100">
      {statements.map((statement) => (
        <li key={statement.id} className="px-3 py-2 text-sm">
          <p className="text-xs text-slate-700">
            <StatementLabel statement={statement} />
            {statement.requiresGuardrail && statement.actions.some((action) => action.tier === 'invoke') ? (
              <Badge tone="success" className="ml-2">
                guardrail required
              </Badge>
            ) : null}
          </p>
          <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {statement.actions.map((action) => (
              <li key={action.action} className="flex items-center gap-1">
                <code className="break-all font-mono text-xs">{action.action}</code>
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
          <GrantConditions conditions={statement.conditions} />
          <DecidedConditions lists={statement.actions.map((action) => action.decided)} />
        </li>
      ))}
    </ul>
  );
}
