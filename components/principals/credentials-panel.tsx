import type { ReactNode } from 'react';
import type { StoredPrincipalAnalysis } from '@/db/schema/stored-json';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';

function days(value: number | null, suffix: string, none = '—'): string {
  return value === null ? none : `${value} ${suffix}`;
}

function yesNo(value: boolean): ReactNode {
  return value ? <Badge tone="danger">yes</Badge> : 'no';
}

/** Keys, API keys, console password and last use: what signs in as this principal and how recently. */
export function CredentialsPanel({ credentials }: { credentials: StoredPrincipalAnalysis['credentials'] }) {
  const rows: Array<[string, ReactNode]> = [
    ['Active access keys', credentials.activeAccessKeyCount],
    ['Oldest active key', days(credentials.oldestActiveKeyAgeDays, 'days')],
    ['Last key use', days(credentials.lastKeyUseDaysAgo, 'days ago')],
    ['Bedrock API key', yesNo(credentials.hasBedrockApiKey)],
    ['Console password without MFA', yesNo(credentials.hasConsolePasswordWithoutMfa)],
    ['Role last used', days(credentials.roleLastUsedDaysAgo, 'days ago')],
    ['Last Bedrock use', days(credentials.lastBedrockUseDaysAgo, 'days ago', 'unknown')],
  ];
  return (
    <Card title="Credentials" id="credentials">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm sm:grid-cols-[auto_1fr_auto_1fr]">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-700">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
