'use client';

import { useRouter } from 'next/navigation';
import { useMemo, useState, type FormEvent } from 'react';
import { StatusBadge, TierBadge } from './badges';
import { sendJson } from './send-json';
import { cardClass, inputClass, labelClass, primaryButtonClass, secondaryButtonClass } from './form-styles';
import type { ItemUsageEvidence } from '@/lib/usage/item-usage-evidence';
import { ItemUsage } from '@/components/usage/item-usage';
import { UNUSED_JUSTIFICATION_MIN_LENGTH } from '@/lib/campaigns/unused-justification';
import { AssignmentItemContextPanel, type AssignmentItemView } from './assignment-item-context';

/** What the inbox shows of one item: shaped on the server, no whole rows. */
export interface InboxItemView {
  id: number;
  version: number;
  campaignId: number;
  campaignName: string;
  campaignDueAt: string;
  isPartialSnapshot: boolean;
  principalName: string;
  principalType: string;
  principalArn: string;
  accountId: string;
  status: string;
  score: number;
  keepUntil: string | null;
  reviewerReason: string;
  policyLabel: string;
  tiers: string[];
  actionCount: number;
  sampleActions: string[];
  conflicts: { ruleId: string; severity: string; title: string }[];
  lastUsedAt: string | null;
  peerCount: number;
  recommendation: { decision: string; reason: string };
  change: string | null;
  lastDecision: { kind: string; justification: string; decidedBy: string; decidedAt: string } | null;
  /** CloudTrail evidence of the item's actions; null when none was imported; absent where not loaded. */
  usage?: ItemUsageEvidence | null;
  /** Set when IAM refuses changes to the principal (SSO, service-linked): what a revoke decision leads to. */
  protectionReason?: string | null;
  /** The revocation a revoke decision created: "revocation requested / applied / verified". */
  revocation?: { id: number; label: string } | null;
  /** Identity Center assignment items (#14): the person, the permission set, the group and the person's other access. */
  assignment?: AssignmentItemView | null;
}

type Mode = 'attest' | 'revoke' | 'delegate';

function itemLabel(item: InboxItemView): string {
  return `${item.principalName} (${item.policyLabel})`;
}

function DecisionForm({ item, mode, delegates, minKeepUntil, onDone, onCancel }: { item: InboxItemView; mode: Mode; delegates: { email: string; name: string }[]; minKeepUntil: string; onDone: (message: string) => void; onCancel: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const prefix = `item-${item.id}-${mode}`;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const decision =
      mode === 'delegate'
        ? { kind: 'delegate', delegateTo: String(form.get('delegateTo') ?? ''), note: String(form.get('note') ?? '') }
        : mode === 'attest'
          ? { kind: 'attest', justification: String(form.get('justification') ?? ''), keepUntil: String(form.get('keepUntil') ?? '') || null }
          : { kind: 'revoke', justification: String(form.get('justification') ?? '') };
    setIsBusy(true);
    const result = await sendJson(`/api/inbox/items/${item.id}/decision`, 'POST', { version: item.version, decision });
    setIsBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    onDone(mode === 'delegate' ? `${itemLabel(item)} delegated.` : `${itemLabel(item)} ${mode === 'attest' ? 'attested' : 'revoked'}.`);
  }

  return (
    <form onSubmit={submit} className="mt-3 space-y-3 rounded-md border border-slate-200 bg-slate-50 p-4" aria-label={`${mode === 'attest' ? 'Attest' : mode === 'revoke' ? 'Revoke' : 'Delegate'} ${itemLabel(item)}`} noValidate>
      {error ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
          {error}
        </p>
      ) : null}
      {mode === 'delegate' ? (
        <>
          <div>
            <label htmlFor={`${prefix}-to`} className={labelClass}>
              Delegate to
            </label>
            <select id={`${prefix}-to`} name="delegateTo" required className={inputClass} defaultValue="">
              <option value="" disabled>
                Choose a person
              </option>
              {delegates.map((delegate) => (
                <option key={delegate.email} value={delegate.email}>
                  {delegate.name} ({delegate.email})
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${prefix}-note`} className={labelClass}>
              Note
            </label>
            <textarea id={`${prefix}-note`} name="note" required rows={2} className={inputClass} placeholder="Why they are the right reviewer" />
          </div>
        </>
      ) : (
        <>
          <div>
            <label htmlFor={`${prefix}-justification`} className={labelClass}>
              {mode === 'attest' && item.usage?.isUnused ? `Why keep access that shows no use in ${item.usage.windowDays} days?` : 'Justification'}
            </label>
            <textarea id={`${prefix}-justification`} name="justification" required minLength={mode === 'attest' && item.usage?.isUnused ? UNUSED_JUSTIFICATION_MIN_LENGTH : undefined} rows={2} className={inputClass} />
          </div>
          {mode === 'attest' ? (
            <div className="max-w-xs">
              <label htmlFor={`${prefix}-keep`} className={labelClass}>
                Keep until (optional)
              </label>
              <input id={`${prefix}-keep`} name="keepUntil" type="date" min={minKeepUntil} className={inputClass} aria-describedby={`${prefix}-keep-help`} />
              <p id={`${prefix}-keep-help`} className="mt-1 text-xs text-slate-600">
                The item comes back for review on this date.
              </p>
            </div>
          ) : (
            <p className="text-sm text-slate-700">A revocation request is created; an admin plans and runs it.</p>
          )}
        </>
      )}
      <div className="flex gap-2">
        <button type="submit" className={primaryButtonClass} disabled={isBusy}>
          {mode === 'attest' ? 'Confirm attest' : mode === 'revoke' ? 'Confirm revoke' : 'Confirm delegation'}
        </button>
        <button type="button" className={secondaryButtonClass} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function ItemCard({ item, isSelected, onToggle, delegates, minKeepUntil, onDone }: { item: InboxItemView; isSelected: boolean; onToggle: () => void; delegates: { email: string; name: string }[]; minKeepUntil: string; onDone: (message: string) => void }) {
  const [mode, setMode] = useState<Mode | null>(null);
  const titleId = `item-${item.id}-title`;
  const recommendationStyle = item.recommendation.decision === 'revoke' ? 'text-red-800' : item.recommendation.decision === 'review' ? 'text-amber-900' : 'text-emerald-800';
  return (
    <article aria-labelledby={titleId} className="rounded-md border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-start gap-3">
        <input type="checkbox" className="mt-1.5 size-4" checked={isSelected} onChange={onToggle} aria-label={`Select ${itemLabel(item)}`} />
        {/* basis-64: on a phone the decision buttons wrap below the facts instead of squeezing them. */}
        <div className="min-w-0 flex-1 basis-64">
          <div className="flex flex-wrap items-center gap-2">
            <h4 id={titleId} className="font-semibold text-slate-900">
              {item.policyLabel}
            </h4>
            <StatusBadge status={item.status} />
            {item.change ? <span className="rounded bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-900">{item.change}</span> : null}
            {item.tiers.map((tier) => (
              <TierBadge key={tier} tier={tier} />
            ))}
          </div>
          <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm text-slate-700 sm:grid-cols-3">
            <div>
              <dt className="inline font-medium">Blast radius: </dt>
              <dd className="inline">{item.score}/100</dd>
            </div>
            <div>
              <dt className="inline font-medium">Last use: </dt>
              <dd className="inline">{item.lastUsedAt ? item.lastUsedAt.slice(0, 10) : 'never seen'}</dd>
            </div>
            <div>
              <dt className="inline font-medium">Peers with the same access: </dt>
              <dd className="inline">{item.peerCount}</dd>
            </div>
            <ItemUsage usage={item.usage} />
            <div className="sm:col-span-3">
              <dt className="inline font-medium">SoD conflicts: </dt>
              <dd className="inline">{item.conflicts.length === 0 ? 'none' : item.conflicts.map((conflict) => `${conflict.title} (${conflict.severity})`).join('; ')}</dd>
            </div>
            <div className="sm:col-span-3">
              <dt className="inline font-medium">Recommendation: </dt>
              <dd className={`inline font-medium ${recommendationStyle}`}>
                {item.recommendation.decision}: <span className="font-normal">{item.recommendation.reason}</span>
              </dd>
            </div>
          </dl>
          {item.assignment ? <AssignmentItemContextPanel assignment={item.assignment} /> : null}
          <details className="mt-2 text-sm">
            <summary className="cursor-pointer text-brand-700">{item.actionCount} actions</summary>
            <p className="mt-1 font-mono text-xs text-slate-700">
              {item.sampleActions.join(', ')}
              {item.actionCount > item.sampleActions.length ? ` and ${item.actionCount - item.sampleActions.length} more` : ''}
            </p>
          </details>
          {item.lastDecision ? (
            <p className="mt-2 text-sm text-slate-700">
              Last decision: <strong>{item.lastDecision.kind}</strong> by {item.lastDecision.decidedBy} on {item.lastDecision.decidedAt.slice(0, 16).replace('T', ' ')}: “{item.lastDecision.justification}”
              {item.keepUntil ? ` (keep until ${item.keepUntil})` : ''}
            </p>
          ) : null}
          {item.reviewerReason === 'delegated' ? <p className="mt-1 text-xs text-slate-600">Delegated to you.</p> : null}
          {item.revocation ? (
            <a href={`/revocations/${item.revocation.id}`} data-testid={`item-revocation-${item.revocation.id}`} className="mt-1 block text-xs text-brand-700 underline underline-offset-2">
              {item.revocation.label}
            </a>
          ) : null}
          {item.protectionReason ? (
            <p role="note" data-testid="item-protected" className="mt-2 rounded border border-amber-300 bg-amber-50 px-2 py-1 text-xs text-amber-900">
              Revoke decisions on this principal are not carried out in IAM: {item.protectionReason}
            </p>
          ) : null}
        </div>
        <div className="flex gap-2" role="group" aria-label={`Decide ${itemLabel(item)}`}>
          <button type="button" className={secondaryButtonClass} aria-pressed={mode === 'attest'} onClick={() => setMode(mode === 'attest' ? null : 'attest')}>
            Attest
          </button>
          <button type="button" className={secondaryButtonClass} aria-pressed={mode === 'revoke'} onClick={() => setMode(mode === 'revoke' ? null : 'revoke')}>
            Revoke
          </button>
          <button type="button" className={secondaryButtonClass} aria-pressed={mode === 'delegate'} onClick={() => setMode(mode === 'delegate' ? null : 'delegate')}>
            Delegate
          </button>
        </div>
      </div>
      {mode ? <DecisionForm item={item} mode={mode} delegates={delegates} minKeepUntil={minKeepUntil} onCancel={() => setMode(null)} onDone={(message) => { setMode(null); onDone(message); }} /> : null}
    </article>
  );
}

function BulkBar({ selected, onDone }: { selected: InboxItemView[]; onDone: (message: string) => void }) {
  const [kind, setKind] = useState<'attest' | 'revoke'>('attest');
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const justification = String(form.get('justification') ?? '');
    const decision = kind === 'attest' ? { kind, justification, keepUntil: String(form.get('keepUntil') ?? '') || null } : { kind, justification };
    setIsBusy(true);
    const result = await sendJson<{ applied: unknown[]; skipped: { itemId: number; reason: string }[] }>('/api/inbox/bulk', 'POST', {
      items: selected.map((item) => ({ id: item.id, version: item.version })),
      decision,
    });
    setIsBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setError(null);
    const skipped = result.data.skipped.map((entry) => `item ${entry.itemId}: ${entry.reason}`).join(' ');
    onDone(`Applied to ${result.data.applied.length} ${result.data.applied.length === 1 ? 'item' : 'items'}.${result.data.skipped.length > 0 ? ` Skipped ${result.data.skipped.length}: ${skipped}` : ''}`);
  }
  return (
    <section aria-labelledby="bulk-heading" className="sticky top-0 z-10 rounded-lg border border-brand-600 bg-brand-50 p-4">
      <h2 id="bulk-heading" className="text-base font-semibold text-brand-900">
        Bulk decision: {selected.length} selected
      </h2>
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      <form onSubmit={submit} className="mt-2 flex flex-wrap items-end gap-3" noValidate>
        <div>
          <label htmlFor="bulk-kind" className={labelClass}>
            Decision
          </label>
          <select id="bulk-kind" value={kind} onChange={(event) => setKind(event.target.value as 'attest' | 'revoke')} className={inputClass}>
            <option value="attest">Attest</option>
            <option value="revoke">Revoke</option>
          </select>
        </div>
        <div className="min-w-64 flex-1">
          <label htmlFor="bulk-justification" className={labelClass}>
            Bulk justification
          </label>
          <input id="bulk-justification" name="justification" required className={inputClass} />
        </div>
        {kind === 'attest' ? (
          <div>
            <label htmlFor="bulk-keep" className={labelClass}>
              Keep until (optional)
            </label>
            <input id="bulk-keep" name="keepUntil" type="date" className={inputClass} />
          </div>
        ) : null}
        <button type="submit" className={primaryButtonClass} disabled={isBusy}>
          Apply to {selected.length} selected
        </button>
      </form>
    </section>
  );
}

/** The owner's items of one page, grouped by campaign then principal, with per-item and bulk decisions. */
export function InboxItems({ items, delegates, minKeepUntil }: { items: InboxItemView[]; delegates: { email: string; name: string }[]; minKeepUntil: string }) {
  const router = useRouter();
  const [selectedIds, setSelectedIds] = useState<Set<number>>(new Set());
  const [status, setStatus] = useState<string | null>(null);
  const groups = useMemo(() => {
    const byCampaign = new Map<number, { name: string; dueAt: string; isPartial: boolean; principals: Map<string, InboxItemView[]> }>();
    for (const item of items) {
      const campaign = byCampaign.get(item.campaignId) ?? { name: item.campaignName, dueAt: item.campaignDueAt, isPartial: item.isPartialSnapshot, principals: new Map() };
      // Assignment items of several people share one role: they are grouped by person, not by role.
      const list = campaign.principals.get(item.assignment ? `person|${item.assignment.userId}|${item.accountId}` : item.principalArn) ?? [];
      list.push(item);
      campaign.principals.set(item.assignment ? `person|${item.assignment.userId}|${item.accountId}` : item.principalArn, list);
      byCampaign.set(item.campaignId, campaign);
    }
    return [...byCampaign.entries()];
  }, [items]);
  const selected = items.filter((item) => selectedIds.has(item.id));
  const isAllSelected = items.length > 0 && selected.length === items.length;

  function done(message: string) {
    setStatus(message);
    setSelectedIds(new Set());
    router.refresh();
  }
  function toggle(id: number) {
    setSelectedIds((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  return (
    <div className="space-y-6">
      <p role="status" aria-live="polite" className={status ? 'rounded-md border border-emerald-300 bg-emerald-50 px-4 py-2 text-sm text-emerald-900' : 'sr-only'}>
        {status}
      </p>
      {items.length > 0 ? (
        <label className="flex items-center gap-2 text-sm font-medium">
          <input type="checkbox" className="size-4" checked={isAllSelected} onChange={() => setSelectedIds(isAllSelected ? new Set() : new Set(items.map((item) => item.id)))} />
          Select all {items.length} items on this page
        </label>
      ) : null}
      {selected.length > 0 ? <BulkBar selected={selected} onDone={done} /> : null}
      {groups.map(([campaignId, campaign]) => (
        <section key={campaignId} aria-labelledby={`campaign-${campaignId}-heading campaign-${campaignId}-due`} className={cardClass}>
          <h2 id={`campaign-${campaignId}-heading`} className="text-lg font-semibold text-slate-900">
            {campaign.name}
          </h2>
          <p id={`campaign-${campaignId}-due`} className="text-sm text-slate-600">
            Due {campaign.dueAt.slice(0, 10)} (campaign #{campaignId})
            {campaign.isPartial ? ' · launched on a partial snapshot: some accounts are missing' : ''}
          </p>
          <div className="mt-4 space-y-5">
            {[...campaign.principals.entries()].map(([arn, principalItems]) => (
              <div key={arn}>
                <h3 className="text-base font-semibold text-slate-900">
                  {principalItems[0].principalName}{' '}
                  <span className="text-sm font-normal text-slate-600">
                    {principalItems[0].principalType} in {principalItems[0].accountId}
                  </span>
                </h3>
                <div className="mt-2 space-y-3">
                  {principalItems.map((item) => (
                    <ItemCard key={item.id} item={item} isSelected={selectedIds.has(item.id)} onToggle={() => toggle(item.id)} delegates={delegates} minKeepUntil={minKeepUntil} onDone={done} />
                  ))}
                </div>
              </div>
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
