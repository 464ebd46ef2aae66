import { Badge, SeverityBadge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import type { PersonConflict } from '@/lib/people/analyze-person';

function roleLabel(roleArn: string): string {
  const name = roleArn.split('/').pop() ?? roleArn;
  return /^AWSReservedSSO_(.+)_[0-9a-f]{16}$/.exec(name)?.[1] ?? name;
}

/** SoD conflicts over all of a person's assignments, with the roles (and accounts) on each side. */
export function PersonConflictsPanel({ conflicts, accountNames }: { conflicts: PersonConflict[]; accountNames: Record<string, string> }) {
  const side = (label: string, entry: PersonConflict['sideA']) => (
    <div>
      <p className="text-xs font-semibold uppercase tracking-wide text-slate-700">{label}</p>
      <ul className="mt-1 space-y-0.5 text-sm">
        {entry.roles.map((role) => (
          <li key={role.roleArn}>
            {roleLabel(role.roleArn)} in {accountNames[role.accountId] ?? role.accountId}
          </li>
        ))}
      </ul>
      <p className="mt-1 text-xs text-slate-700">{entry.actions.slice(0, 4).join(', ')}{entry.actions.length > 4 ? ` and ${entry.actions.length - 4} more` : ''}</p>
    </div>
  );
  return (
    <Card title="Separation of duties" id="conflicts" description="Rules checked against everything this person can do, across all their assignments.">
      {conflicts.length === 0 ? (
        <p className="text-sm text-slate-700">No conflict.</p>
      ) : (
        <ul className="space-y-3" data-testid="person-conflicts">
          {conflicts.map((conflict) => (
            <li key={conflict.ruleId} className="rounded-md border border-slate-200 p-3">
              <div className="flex flex-wrap items-center gap-2">
                <SeverityBadge severity={conflict.severity} />
                <span className="font-medium text-slate-900">{conflict.title}</span>
                <code className="font-mono text-xs text-slate-700">{conflict.ruleId}</code>
                {conflict.isAcrossRoles ? <Badge tone="warning">only across assignments</Badge> : null}
              </div>
              <div className="mt-2 grid grid-cols-1 gap-3 md:grid-cols-2">
                {side('One side', conflict.sideA)}
                {side('Other side', conflict.sideB)}
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
