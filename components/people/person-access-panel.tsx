import { Card } from '@/components/ui/card';
import { TierChips } from '@/components/principals/tier-chip';
import type { PersonAccount } from '@/lib/people/analyze-person';

/** A person's effective Bedrock access, account by account (the union of their roles there). */
export function PersonAccessPanel({ accounts, accountNames, actionCount }: { accounts: PersonAccount[]; accountNames: Record<string, string>; actionCount: number }) {
  return (
    <Card title="Effective Bedrock access" id="access" description={`${actionCount} distinct Bedrock action(s) across ${accounts.length} account(s).`}>
      {accounts.length === 0 ? (
        <p className="text-sm text-slate-700">None of this person&apos;s roles holds a Bedrock action.</p>
      ) : (
        <ul className="divide-y divide-slate-100" data-testid="person-access">
          {accounts.map((account) => (
            <li key={account.accountId} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <div>
                <p className="font-medium text-slate-900">{accountNames[account.accountId] ?? account.accountId}</p>
                <p className="font-mono text-xs text-slate-700">
                  {account.accountId} · {account.actionCount} action(s) through {account.roleArns.length} role(s)
                </p>
              </div>
              <TierChips tiers={account.tiers} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
