import type { ControlAccountView } from '@/db/queries/controls-posture';
import type { ControlSwitcherView } from '@/db/queries/control-switchers';
import type { ControlRecommendation } from '@/lib/controls/recommend-controls';
import { AccountControlsPanel } from './account-controls-panel';

/** Every account's switchers and recommendations, one collapsed line per account. */
export function AccountControlsListPanel({ accounts, switchers, recommendations }: { accounts: ControlAccountView[]; switchers: ControlSwitcherView[]; recommendations: Map<string, ControlRecommendation[]> }) {
  return (
    <section aria-labelledby="per-account-heading" className="rounded-lg border border-slate-200 bg-white">
      <div className="p-4">
        <h2 id="per-account-heading" className="text-base font-semibold text-slate-900">
          Per account: who can switch a control off, and what to add
        </h2>
        <p className="mt-0.5 text-sm text-slate-700">Open an account for the principals and grants that can disable its controls and the policies that close its gaps.</p>
      </div>
      <div className="border-t border-slate-200" data-testid="account-controls-list">
        {accounts.map((account) => (
          <AccountControlsPanel key={account.accountId} account={account} switchers={switchers.filter((switcher) => switcher.accountId === account.accountId)} recommendations={recommendations.get(account.accountId) ?? []} />
        ))}
      </div>
    </section>
  );
}
