import type { AppDatabase } from '../../db/client';
import { sodRules } from '../../db/schema';
import { DEFAULT_SOD_RULES } from '../../lib/analysis/sod/default-rules';
import { parseSodRules } from '../../lib/analysis/sod/rule-schema';
import type { SodRule } from '../../lib/analysis/types';

/** Seeds the shipped default rules the first time; admins' edits live in the table afterwards. */
export function ensureDefaultSodRules(database: AppDatabase, now = new Date()): void {
  for (const rule of DEFAULT_SOD_RULES) {
    database
      .insert(sodRules)
      .values({ id: rule.id, title: rule.title, severity: rule.severity, rationale: rule.rationale, sideA: JSON.stringify(rule.sideA), sideB: JSON.stringify(rule.sideB), isEnabled: true, updatedAt: now.toISOString() })
      .onConflictDoNothing()
      .run();
  }
}

/** The enabled rules, validated (a bad edited rule stops the scan with a message naming it). */
export function loadSodRules(database: AppDatabase): SodRule[] {
  ensureDefaultSodRules(database);
  const rows = database.select().from(sodRules).all();
  return parseSodRules(
    rows
      .filter((row) => row.isEnabled)
      .map((row) => ({ id: row.id, title: row.title, severity: row.severity, rationale: row.rationale, sideA: JSON.parse(row.sideA) as unknown, sideB: JSON.parse(row.sideB) as unknown })),
  );
}
