CREATE TABLE `action_lists` (
	`hash` text PRIMARY KEY NOT NULL,
	`list` text NOT NULL
);
--> statement-breakpoint
-- Snapshots stored before this migration keep their actions: each text moves into action_lists
-- under the sha256 (hex) of the text itself, the key the scan pipeline computes, so a rescan
-- shares them. SQLite has no sha256: `sha256_hex` is registered on every connection by
-- db/client.ts openDatabase before it migrates; this file does not run in a bare sqlite3 shell.
-- SQLite adds a NOT NULL column only with a default: '' stands until the UPDATE right after it
-- (the schema declares none, so every writer must give the hash).
ALTER TABLE `entitlements` ADD `actions_hash` text NOT NULL DEFAULT '';--> statement-breakpoint
UPDATE `entitlements` SET `actions_hash` = sha256_hex(`actions`);--> statement-breakpoint
INSERT OR IGNORE INTO `action_lists` (`hash`, `list`) SELECT `actions_hash`, `actions` FROM `entitlements`;--> statement-breakpoint
ALTER TABLE `entitlements` DROP COLUMN `actions`;--> statement-breakpoint
ALTER TABLE `grants` ADD `actions_hash` text NOT NULL DEFAULT '';--> statement-breakpoint
UPDATE `grants` SET `actions_hash` = sha256_hex(`actions`);--> statement-breakpoint
INSERT OR IGNORE INTO `action_lists` (`hash`, `list`) SELECT `actions_hash`, `actions` FROM `grants`;--> statement-breakpoint
ALTER TABLE `grants` DROP COLUMN `actions`;--> statement-breakpoint
-- A principal's effective actions leave its analysis JSON for action_lists. json_extract gives
-- the array as compact JSON, the text JSON.stringify writes for a list of action names.
ALTER TABLE `principals` ADD `actions_hash` text NOT NULL DEFAULT '';--> statement-breakpoint
UPDATE `principals` SET `actions_hash` = sha256_hex(coalesce(json_extract(`analysis`, '$.actions'), '[]'));--> statement-breakpoint
INSERT OR IGNORE INTO `action_lists` (`hash`, `list`) SELECT `actions_hash`, coalesce(json_extract(`analysis`, '$.actions'), '[]') FROM `principals`;--> statement-breakpoint
UPDATE `principals` SET `analysis` = json_remove(`analysis`, '$.actions') WHERE json_type(`analysis`, '$.actions') IS NOT NULL;
