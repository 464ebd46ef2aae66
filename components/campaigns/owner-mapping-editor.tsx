'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import type { OwnerMappingRule } from '@/lib/campaigns/reviewer';
import { sendJson } from './send-json';
import { cardClass, dangerButtonClass, inputClass, labelClass, primaryButtonClass, secondaryButtonClass } from './form-styles';

export function OwnerMappingEditor({ rules }: { rules: OwnerMappingRule[] }) {
  const router = useRouter();
  const [editing, setEditing] = useState<OwnerMappingRule | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = {
      priority: Number(form.get('priority')),
      accountId: String(form.get('accountId') ?? '').trim() || null,
      pathPrefix: String(form.get('pathPrefix') ?? '').trim() || null,
      namePattern: String(form.get('namePattern') ?? '').trim() || null,
      groupName: String(form.get('groupName') ?? '').trim() || null,
      permissionSetName: String(form.get('permissionSetName') ?? '').trim() || null,
      ownerEmail: String(form.get('ownerEmail') ?? '').trim(),
    };
    const result = editing ? await sendJson(`/api/owner-mappings/${editing.id}`, 'PUT', body) : await sendJson('/api/owner-mappings', 'POST', body);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setError(null);
    setStatus(editing ? `Rule ${editing.id} saved.` : 'Rule added.');
    setEditing(null);
    setFormKey((key) => key + 1);
    router.refresh();
  }

  async function remove(rule: OwnerMappingRule) {
    const result = await sendJson(`/api/owner-mappings/${rule.id}`, 'DELETE');
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setStatus(`Rule ${rule.id} deleted.`);
    router.refresh();
  }

  const nextPriority = rules.length === 0 ? 10 : Math.max(...rules.map((rule) => rule.priority)) + 10;
  return (
    <div className="space-y-6">
      <p role="status" className="sr-only">
        {status}
      </p>
      <section className={cardClass} aria-labelledby="mapping-form-heading">
        <h2 id="mapping-form-heading" className="text-lg font-semibold">
          {editing ? `Edit rule ${editing.id}` : 'Add a rule'}
        </h2>
        {error ? (
          <p role="alert" className="mt-2 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
            {error}
          </p>
        ) : null}
        <form key={`${formKey}-${editing?.id ?? 'new'}`} onSubmit={submit} className="mt-4 grid gap-4 sm:grid-cols-5" noValidate>
          <div>
            <label htmlFor="mapping-priority" className={labelClass}>
              Priority
            </label>
            <input id="mapping-priority" name="priority" type="number" min={0} required defaultValue={editing?.priority ?? nextPriority} className={inputClass} />
          </div>
          <div>
            <label htmlFor="mapping-account" className={labelClass}>
              Account id
            </label>
            <input id="mapping-account" name="accountId" inputMode="numeric" placeholder="any" defaultValue={editing?.accountId ?? ''} className={inputClass} />
          </div>
          <div>
            <label htmlFor="mapping-path" className={labelClass}>
              Path prefix
            </label>
            <input id="mapping-path" name="pathPrefix" placeholder="/data-science/" defaultValue={editing?.pathPrefix ?? ''} className={inputClass} />
          </div>
          <div>
            <label htmlFor="mapping-name" className={labelClass}>
              Name pattern
            </label>
            <input id="mapping-name" name="namePattern" placeholder="ml-*" defaultValue={editing?.namePattern ?? ''} className={inputClass} />
          </div>
          <div>
            <label htmlFor="mapping-group" className={labelClass}>
              Identity Center group
            </label>
            <input id="mapping-group" name="groupName" placeholder="ML-Engineers" defaultValue={editing?.groupName ?? ''} className={inputClass} />
          </div>
          <div>
            <label htmlFor="mapping-permission-set" className={labelClass}>
              Permission set
            </label>
            <input id="mapping-permission-set" name="permissionSetName" placeholder="BedrockDeveloper" defaultValue={editing?.permissionSetName ?? ''} className={inputClass} />
          </div>
          <div>
            <label htmlFor="mapping-owner" className={labelClass}>
              Owner email
            </label>
            <input id="mapping-owner" name="ownerEmail" type="email" required defaultValue={editing?.ownerEmail ?? ''} className={inputClass} />
          </div>
          <div className="flex gap-2 sm:col-span-5">
            <button type="submit" className={primaryButtonClass}>
              {editing ? 'Save rule' : 'Add rule'}
            </button>
            {editing ? (
              <button type="button" className={secondaryButtonClass} onClick={() => setEditing(null)}>
                Cancel editing
              </button>
            ) : null}
          </div>
        </form>
      </section>

      <section className={cardClass} aria-labelledby="mapping-list-heading">
        <h2 id="mapping-list-heading" className="text-lg font-semibold">
          Rules, in the order they are tried
        </h2>
        {rules.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">No rules yet: principals without an owner tag go to their account owner, then to the fallback admins.</p>
        ) : (
          <table className="mt-3 w-full text-left text-sm">
            <caption className="sr-only">Owner-mapping rules</caption>
            <thead className="border-b border-slate-200 text-slate-700">
              <tr>
                <th scope="col" className="py-2 pr-3">Priority</th>
                <th scope="col" className="py-2 pr-3">Account</th>
                <th scope="col" className="py-2 pr-3">Path prefix</th>
                <th scope="col" className="py-2 pr-3">Name pattern</th>
                <th scope="col" className="py-2 pr-3">Group / permission set</th>
                <th scope="col" className="py-2 pr-3">Owner</th>
                <th scope="col" className="py-2"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {rules.map((rule) => (
                <tr key={rule.id} className="border-b border-slate-100">
                  <td className="py-2 pr-3">{rule.priority}</td>
                  <td className="py-2 pr-3 font-mono">{rule.accountId ?? 'any'}</td>
                  <td className="py-2 pr-3 font-mono">{rule.pathPrefix ?? 'any'}</td>
                  <td className="py-2 pr-3 font-mono">{rule.namePattern ?? 'any'}</td>
                  <td className="py-2 pr-3 font-mono">{[rule.groupName ? `group ${rule.groupName}` : null, rule.permissionSetName ? `set ${rule.permissionSetName}` : null].filter(Boolean).join(', ') || 'any'}</td>
                  <td className="py-2 pr-3">{rule.ownerEmail}</td>
                  <td className="flex gap-2 py-2">
                    <button type="button" className={secondaryButtonClass} onClick={() => setEditing(rule)} aria-label={`Edit rule ${rule.id}`}>
                      Edit
                    </button>
                    <button type="button" className={dangerButtonClass} onClick={() => remove(rule)} aria-label={`Delete rule ${rule.id}`}>
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
