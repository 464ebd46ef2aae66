import { Badge } from '@/components/ui/badge';

export interface GrantPathView {
  policyKind: 'managed' | 'inline';
  policyName: string;
  isAwsManaged: boolean;
  attachedVia: 'direct' | 'group';
  groupName: string | null;
  statementId?: string | null;
  statementIndex?: number;
}

/** "managed policy X (AWS managed), via group Y, statement Sid #2": statements counted from 1, as recommendations count them. */
export function GrantPathText({ path, showStatement = true }: { path: GrantPathView; showStatement?: boolean }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <Badge tone={path.policyKind === 'managed' ? 'info' : 'neutral'}>{path.policyKind === 'managed' ? (path.isAwsManaged ? 'AWS managed' : 'managed') : 'inline'}</Badge>
      <span className="font-medium">{path.policyName}</span>
      <span className="text-slate-700">{path.attachedVia === 'group' ? `via group ${path.groupName ?? '?'}` : 'attached directly'}</span>
      {showStatement && path.statementIndex !== undefined ? (
        <span className="text-slate-700">
          · statement {path.statementId ? <code className="font-mono text-xs">{path.statementId}</code> : null} #{path.statementIndex + 1}
        </span>
      ) : null}
    </span>
  );
}
