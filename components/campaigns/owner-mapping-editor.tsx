'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { OwnerMappingRuleWithWarnings } from '@/lib/campaigns/owner-mapping-warnings';
import type { OwnerMappingRule } from '@/lib/campaigns/reviewer';
import { sendJson } from './send-json';
import { cardClass } from './form-styles';
import { OwnerMappingForm } from './owner-mapping-form';
import { OwnerMappingRulesTable } from './owner-mapping-rules-table';
import { TitledCard } from './titled-card';

/** The owner-mapping panel: the add/edit form with its live preview, and the rules with their warnings. */
export function OwnerMappingEditor({ rules }: { rules: OwnerMappingRuleWithWarnings[] }) {
  const router = useRouter();
  const [editing, setEditing] = useState<OwnerMappingRule | null>(null);
  const [confirmingId, setConfirmingId] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);

  function saved(message: string) {
    setError(null);
    setStatus(message);
    setEditing(null);
    setFormKey((key) => key + 1);
    router.refresh();
  }

  async function remove(rule: OwnerMappingRule) {
    const result = await sendJson(`/api/owner-mappings/${rule.id}`, 'DELETE');
    setConfirmingId(null);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setError(null);
    setStatus(`Rule ${rule.id} deleted.`);
    router.refresh();
  }

  const nextPriority = rules.length === 0 ? 10 : Math.max(...rules.map((rule) => rule.priority)) + 10;
  return (
    <div className="space-y-6">
      <p role="status" className={status ? 'rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900' : 'sr-only'}>
        {status}
      </p>
      <TitledCard headingId="mapping-form-heading" title={editing ? `Edit rule ${editing.id}` : 'Add a rule'}>
        <OwnerMappingForm
          key={`${formKey}-${editing?.id ?? 'new'}`}
          editing={editing}
          nextPriority={nextPriority}
          onSaved={saved}
          onCancel={() => setEditing(null)}
        />
      </TitledCard>

      <section className={`${cardClass} min-w-0`} aria-labelledby="mapping-list-heading">
        <h2 id="mapping-list-heading" className="mb-3 text-lg font-semibold">
          Rules, in the order they are tried
        </h2>
        {error ? (
          <p role="alert" className="mb-3 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
            {error}
          </p>
        ) : null}
        {rules.length === 0 ? (
          <p className="text-sm text-slate-700">No rules yet: principals without an owner tag go to their account owner, then to the fallback admins.</p>
        ) : (
          <OwnerMappingRulesTable
            rules={rules}
            confirmingId={confirmingId}
            onEdit={(rule) => {
              setConfirmingId(null);
              setEditing(rule);
            }}
            onAskDelete={(rule) => setConfirmingId(rule.id)}
            onConfirmDelete={remove}
            onCancelDelete={() => setConfirmingId(null)}
          />
        )}
      </section>
    </div>
  );
}
