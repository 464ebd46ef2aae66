'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import clsx from 'clsx';
import type { ColumnDef } from '@tanstack/react-table';
import { DataTable, type DataTableColumnMeta, type ServerSort } from '@/components/data-table/data-table';
import { StatusBadge } from './badges';
import { BulkDecisionBar } from './bulk-decision-bar';
import type { InboxItemView } from './inbox-items';
import { itemLabel, ReviewDecisionForm, type DecisionMode, type DecisionOutcome } from './review-decision-form';
import { ReviewItemDetails } from './review-item-details';
import { TierSummary } from './tier-summary';

const RECOMMENDATION = {
  revoke: { label: 'Revoke', className: 'bg-red-100 text-red-900' },
  review: { label: 'Look closer', className: 'bg-amber-100 text-amber-900' },
  attest: { label: 'Keep', className: 'bg-emerald-100 text-emerald-900' },
} as const;

const KEY_MODES: Record<string, DecisionMode> = { a: 'attest', r: 'revoke', d: 'delegate' };
const smallButton = 'rounded border border-slate-300 bg-white px-1.5 py-0.5 text-xs font-medium text-slate-800 hover:bg-slate-100 aria-pressed:border-brand-600 aria-pressed:bg-brand-50';

/** A key press meant for a field (or with a modifier) is never a shortcut. */
function isTyping(event: KeyboardEvent): boolean {
  if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return true;
  const target = event.target instanceof HTMLElement ? event.target : null;
  return target !== null && (target.isContentEditable || target.closest('input, textarea, select') !== null);
}

function lastUseText(item: InboxItemView): { text: string; isUnused: boolean } {
  if (item.usage?.isUnused) return { text: `No use ${item.usage.windowDays} d`, isUnused: true };
  if (item.usage?.lastUsed) return { text: item.usage.lastUsed.slice(0, 10), isUnused: false };
  return { text: item.lastUsedAt ? item.lastUsedAt.slice(0, 10) : 'never seen', isUnused: false };
}

interface RowState {
  mode: DecisionMode | null;
  isOpen: boolean;
}

/**
 * "My reviews" as a dense table: one entitlement per row with its decision controls, details and
 * the decision form in place under the row. Keyboard: j/k move the row focus, a/r/d open the
 * attest/revoke/delegate form of the focused row (its first field takes focus), o or Enter opens
 * the details; after a decision the focus moves to the next row and the status line says what
 * happened, with a link to the revocation a revoke created.
 */
export function ReviewTable({ items, delegates, minKeepUntil, basePath, params, sort }: { items: InboxItemView[]; delegates: { email: string; name: string }[]; minKeepUntil: string; basePath: string; params: Record<string, string | undefined>; sort: ServerSort }) {
  const router = useRouter();
  const [rowStates, setRowStates] = useState<Map<number, RowState>>(new Map());
  const [focusedId, setFocusedId] = useState<number | null>(items[0]?.id ?? null);
  // Shortcuts work only once the handler below is attached; it marks the container so a test (or
  // a script) can wait for that (set on the DOM, outside React's render, as it changes nothing shown).
  const containerRef = useRef<HTMLDivElement>(null);
  const [selectedIds, setSelectedIds] = useState<Set<number>>(new Set());
  const [outcome, setOutcome] = useState<DecisionOutcome | null>(null);
  const rowElements = useRef(new Map<number, HTMLTableRowElement>());

  const stateOf = useCallback((id: number): RowState => rowStates.get(id) ?? { mode: null, isOpen: false }, [rowStates]);
  const setRow = useCallback((id: number, change: Partial<RowState>) => {
    setRowStates((current) => new Map(current).set(id, { ...(current.get(id) ?? { mode: null, isOpen: false }), ...change }));
  }, []);
  const focusRow = useCallback((id: number | undefined) => {
    if (id === undefined) return;
    setFocusedId(id);
    const element = rowElements.current.get(id);
    element?.focus();
    element?.scrollIntoView({ block: 'nearest' });
  }, []);

  function decided(item: InboxItemView, result: DecisionOutcome) {
    const index = items.findIndex((candidate) => candidate.id === item.id);
    setRow(item.id, { mode: null });
    setOutcome(result);
    setSelectedIds(new Set());
    // The next row keeps the focus when the refreshed list no longer holds the decided one.
    focusRow(items[index + 1]?.id ?? items[index - 1]?.id ?? item.id);
    router.refresh();
  }

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (isTyping(event) || items.length === 0) return;
      const index = Math.max(0, items.findIndex((item) => item.id === focusedId));
      const key = event.key.toLowerCase();
      if (key === 'j' || key === 'k') {
        event.preventDefault();
        focusRow(items[Math.min(items.length - 1, Math.max(0, index + (key === 'j' ? 1 : -1)))]?.id);
      } else if (key in KEY_MODES && focusedId !== null) {
        event.preventDefault();
        setRow(items[index].id, { mode: KEY_MODES[key] });
      } else if ((key === 'o' || (key === 'enter' && event.target === rowElements.current.get(items[index].id))) && focusedId !== null) {
        event.preventDefault();
        setRow(items[index].id, { isOpen: !stateOf(items[index].id).isOpen });
      }
    }
    document.addEventListener('keydown', onKeyDown);
    containerRef.current?.setAttribute('data-keyboard-ready', 'true');
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [items, focusedId, focusRow, setRow, stateOf]);

  const columns = useMemo<ColumnDef<InboxItemView, unknown>[]>(() => {
    const isAllSelected = items.length > 0 && items.every((item) => selectedIds.has(item.id));
    return [
      {
        id: 'select',
        header: () => <input type="checkbox" className="size-4" checked={isAllSelected} onChange={() => setSelectedIds(isAllSelected ? new Set() : new Set(items.map((item) => item.id)))} aria-label={`Select all ${items.length} items on this page`} />,
        cell: ({ row }) => (
          <input
            type="checkbox"
            className="size-4"
            checked={selectedIds.has(row.original.id)}
            onChange={() => setSelectedIds((current) => {
              const next = new Set(current);
              if (next.has(row.original.id)) next.delete(row.original.id);
              else next.add(row.original.id);
              return next;
            })}
            aria-label={`Select ${itemLabel(row.original)}`}
          />
        ),
      },
      {
        id: 'principal',
        header: 'Principal',
        // On a phone the name takes the first line of the stacked row, beside the checkbox.
        meta: { sortKey: 'principal', cellClassName: 'max-md:grow max-md:basis-3/4' } satisfies DataTableColumnMeta,
        cell: ({ row }) => (
          <span className="flex max-w-44 items-center gap-1 max-md:max-w-72" title={`${row.original.principalName} (${row.original.principalType}) ${row.original.principalArn}`}>
            <span className="truncate font-medium text-slate-900">{row.original.shortName}</span>
            {row.original.isPermissionSetRole ? <span className="shrink-0 rounded bg-slate-100 px-1 text-xs text-slate-700">SSO</span> : null}
          </span>
        ),
      },
      {
        id: 'account',
        header: 'Account',
        // Hidden where the table is too narrow for it; on a phone the stacked row has room.
        meta: { headerClassName: 'hidden lg:table-cell', cellClassName: 'md:max-lg:hidden' } satisfies DataTableColumnMeta,
        cell: ({ row }) => (
          <span className="block max-w-28 truncate" title={row.original.accountId}>
            {row.original.accountName ?? row.original.accountId}
          </span>
        ),
      },
      {
        id: 'entitlement',
        header: 'Entitlement',
        cell: ({ row }) => (
          <span className="flex max-w-40 items-center gap-1 max-md:max-w-64">
            <span className="truncate" title={row.original.policyLabel}>
              {row.original.policyLabel}
            </span>
            {row.original.change ? <span className="shrink-0 rounded bg-brand-50 px-1.5 text-xs font-medium text-brand-900">{row.original.change}</span> : null}
          </span>
        ),
      },
      { id: 'tiers', header: 'Tiers', cell: ({ row }) => <TierSummary tiers={row.original.tiers} /> },
      { id: 'score', header: 'Score', meta: { sortKey: 'risk', align: 'right', phoneLabel: 'Score' } satisfies DataTableColumnMeta, cell: ({ row }) => row.original.score },
      {
        id: 'recommendation',
        header: 'Recommended',
        cell: ({ row }) => {
          const style = RECOMMENDATION[row.original.recommendation.decision];
          const conflicts = row.original.conflicts.length;
          return (
            <span className="flex flex-nowrap items-center gap-1 whitespace-nowrap" title={row.original.recommendation.reason}>
              <span className={clsx('rounded px-1.5 py-0.5 text-xs font-semibold', style.className)}>{style.label}</span>
              {conflicts > 0 ? <span className="text-xs text-red-800">{conflicts} SoD</span> : null}
            </span>
          );
        },
      },
      {
        id: 'last-use',
        header: 'Last use',
        meta: { cellClassName: 'whitespace-nowrap' } satisfies DataTableColumnMeta,
        cell: ({ row }) => {
          const lastUse = lastUseText(row.original);
          return <span className={lastUse.isUnused ? 'whitespace-nowrap rounded bg-amber-100 px-1.5 text-xs font-semibold text-amber-900' : 'whitespace-nowrap text-slate-800'}>{lastUse.text}</span>;
        },
      },
      {
        id: 'decide',
        header: 'Decide',
        cell: ({ row }) => {
          const item = row.original;
          const state = stateOf(item.id);
          const toggle = (mode: DecisionMode) => setRow(item.id, { mode: state.mode === mode ? null : mode });
          return (
            <div className="flex flex-nowrap items-center gap-1">
              {item.status !== 'pending' || item.revocation ? (
                <span className="flex flex-col items-start gap-0.5">
                  <StatusBadge status={item.status} />
                  {item.revocation ? (
                    <Link href={`/revocations/${item.revocation.id}`} data-testid={`item-revocation-${item.revocation.id}`} className="whitespace-nowrap text-xs text-brand-700 underline underline-offset-2">
                      {item.revocation.label}
                    </Link>
                  ) : null}
                </span>
              ) : null}
            <div className="flex flex-nowrap gap-1" role="group" aria-label={`Decide ${itemLabel(item)}`}>
              <button type="button" className={smallButton} aria-pressed={state.mode === 'attest'} onClick={() => toggle('attest')}>
                Attest
              </button>
              <button type="button" className={smallButton} aria-pressed={state.mode === 'revoke'} onClick={() => toggle('revoke')}>
                Revoke
              </button>
              <button type="button" className={smallButton} aria-pressed={state.mode === 'delegate'} onClick={() => toggle('delegate')}>
                Delegate
              </button>
              <button type="button" className={smallButton} aria-expanded={state.isOpen} aria-controls={`item-${item.id}-details`} onClick={() => setRow(item.id, { isOpen: !state.isOpen })}>
                <span aria-hidden="true">{state.isOpen ? '▴' : '▾'}</span>
                <span className="sr-only">Details of {itemLabel(item)}</span>
              </button>
            </div>
            </div>
          );
        },
      },
    ];
  }, [items, selectedIds, setRow, stateOf]);

  const selected = items.filter((item) => selectedIds.has(item.id));
  return (
    <div className="space-y-3" ref={containerRef}>
      <p role="status" aria-live="polite" className={outcome ? 'rounded-md border border-emerald-300 bg-emerald-50 px-4 py-2 text-sm text-emerald-900' : 'sr-only'}>
        {outcome?.message}
        {outcome?.revocationId ? (
          <>
            {' '}
            <Link href={`/revocations/${outcome.revocationId}`} className="font-medium underline underline-offset-2">
              Follow revocation #{outcome.revocationId}
            </Link>
          </>
        ) : null}
      </p>
      {selected.length > 0 ? (
        <BulkDecisionBar
          selected={selected}
          onDone={(message) => {
            setOutcome({ message, revocationId: null });
            setSelectedIds(new Set());
            router.refresh();
          }}
        />
      ) : null}
      <p className="hidden text-xs text-slate-700 md:block" id="review-keys">
        Keyboard: <kbd className="rounded border px-1">j</kbd>/<kbd className="rounded border px-1">k</kbd> move, <kbd className="rounded border px-1">a</kbd> attest, <kbd className="rounded border px-1">r</kbd> revoke,{' '}
        <kbd className="rounded border px-1">d</kbd> delegate, <kbd className="rounded border px-1">o</kbd> details, <kbd className="rounded border px-1">Esc</kbd> closes a form.
      </p>
      <DataTable
        columns={columns}
        data={items}
        caption="My reviews: one entitlement per row"
        basePath={basePath}
        params={params}
        sort={sort}
        getRowId={(item) => String(item.id)}
        testId="review-table"
        isCompact
        stacksOnPhone
        getRowProps={(item) => ({
          ref: (element) => {
            if (element) rowElements.current.set(item.id, element);
            else rowElements.current.delete(item.id);
          },
          tabIndex: item.id === focusedId ? 0 : -1,
          'aria-describedby': 'review-keys',
          'data-testid': `review-row-${item.id}`,
          onFocus: (event) => {
            if (event.target === event.currentTarget) setFocusedId(item.id);
          },
          className: clsx('outline-none focus-visible:bg-brand-50 focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-brand-600', item.id === focusedId && 'bg-slate-50'),
        })}
        renderRowDetail={(item) => {
          const state = stateOf(item.id);
          if (!state.mode && !state.isOpen) return null;
          return (
            <div id={`item-${item.id}-details`} className="space-y-3">
              {state.mode ? <ReviewDecisionForm item={item} mode={state.mode} delegates={delegates} minKeepUntil={minKeepUntil} onCancel={() => { setRow(item.id, { mode: null }); focusRow(item.id); }} onDone={(result) => decided(item, result)} /> : null}
              {state.isOpen ? <ReviewItemDetails item={item} /> : null}
            </div>
          );
        }}
      />
    </div>
  );
}
