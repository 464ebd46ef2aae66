CREATE TABLE `control_accounts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scan_id` integer NOT NULL,
	`account_id` text NOT NULL,
	`is_management_account` integer NOT NULL,
	`approved_regions` text,
	`model_allow_list` text,
	`denied_tiers` text DEFAULT '[]' NOT NULL,
	`policy_names` text DEFAULT '[]' NOT NULL,
	FOREIGN KEY (`scan_id`) REFERENCES `scans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `control_accounts_scan_account_idx` ON `control_accounts` (`scan_id`,`account_id`);--> statement-breakpoint
CREATE TABLE `control_cells` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scan_id` integer NOT NULL,
	`account_id` text NOT NULL,
	`region` text NOT NULL,
	`guardrail_enforced` text NOT NULL,
	`guardrail_arn` text,
	`guardrail_version` text,
	`guardrail_name` text,
	`guardrail_filters` text DEFAULT '[]' NOT NULL,
	`guardrail_source` text,
	`guardrail_shareable` integer,
	`guardrail_note` text,
	`logging_state` text NOT NULL,
	`logging_destinations` text DEFAULT '[]' NOT NULL,
	`logging_data_types` text DEFAULT '[]' NOT NULL,
	`logging_note` text,
	FOREIGN KEY (`scan_id`) REFERENCES `scans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `control_cells_scan_account_region_idx` ON `control_cells` (`scan_id`,`account_id`,`region`);--> statement-breakpoint
CREATE INDEX `control_cells_scan_state_idx` ON `control_cells` (`scan_id`,`guardrail_enforced`,`logging_state`);--> statement-breakpoint
CREATE TABLE `control_coverage` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scan_id` integer NOT NULL,
	`production_invoke_holders` integer NOT NULL,
	`guardrail_covered` integer NOT NULL,
	`logging_covered` integer NOT NULL,
	FOREIGN KEY (`scan_id`) REFERENCES `scans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `control_coverage_scan_idx` ON `control_coverage` (`scan_id`);--> statement-breakpoint
CREATE TABLE `control_switchers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scan_id` integer NOT NULL,
	`account_id` text NOT NULL,
	`region` text NOT NULL,
	`control` text NOT NULL,
	`principal_arn` text NOT NULL,
	`principal_account_id` text NOT NULL,
	`actions` text NOT NULL,
	`grants` text NOT NULL,
	FOREIGN KEY (`scan_id`) REFERENCES `scans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `control_switchers_scan_account_idx` ON `control_switchers` (`scan_id`,`account_id`,`region`,`control`);--> statement-breakpoint
CREATE INDEX `control_switchers_scan_principal_idx` ON `control_switchers` (`scan_id`,`principal_arn`);--> statement-breakpoint
CREATE TABLE `usage_access_advisor` (
	`scan_id` integer NOT NULL,
	`principal_arn` text NOT NULL,
	`service_namespace` text NOT NULL,
	`action_name` text NOT NULL,
	`last_authenticated_at` text,
	`last_authenticated_region` text,
	`last_authenticated_entity` text,
	`report_generated_at` text,
	PRIMARY KEY(`scan_id`, `principal_arn`, `service_namespace`, `action_name`),
	FOREIGN KEY (`scan_id`) REFERENCES `scans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `usage_access_advisor_principal_idx` ON `usage_access_advisor` (`principal_arn`);--> statement-breakpoint
CREATE TABLE `usage_cursors` (
	`scan_id` integer NOT NULL,
	`account_id` text NOT NULL,
	`region` text NOT NULL,
	`high_water_mark` text NOT NULL,
	PRIMARY KEY(`scan_id`, `account_id`, `region`),
	FOREIGN KEY (`scan_id`) REFERENCES `scans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `usage_cursors_account_idx` ON `usage_cursors` (`account_id`,`region`);--> statement-breakpoint
CREATE TABLE `usage_daily` (
	`scan_id` integer NOT NULL,
	`bucket_key` text NOT NULL,
	`account_id` text NOT NULL,
	`principal_arn` text NOT NULL,
	`action` text NOT NULL,
	`model_id` text NOT NULL,
	`region` text NOT NULL,
	`day` text NOT NULL,
	`caller_kind` text NOT NULL,
	`caller_name` text NOT NULL,
	`caller_user_id` text NOT NULL,
	`caller_basis` text NOT NULL,
	`unattributed_reason` text NOT NULL,
	`credential` text NOT NULL,
	`is_standing_credential` integer NOT NULL,
	`calls` integer NOT NULL,
	`denied_calls` integer NOT NULL,
	`last_call_at` text,
	`last_denied_at` text,
	FOREIGN KEY (`scan_id`) REFERENCES `scans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `usage_daily_bucket_idx` ON `usage_daily` (`scan_id`,`bucket_key`);--> statement-breakpoint
CREATE INDEX `usage_daily_principal_idx` ON `usage_daily` (`principal_arn`,`day`);--> statement-breakpoint
CREATE INDEX `usage_daily_account_day_idx` ON `usage_daily` (`account_id`,`day`);--> statement-breakpoint
CREATE INDEX `usage_daily_caller_idx` ON `usage_daily` (`caller_kind`,`caller_name`);--> statement-breakpoint
CREATE TABLE `usage_file_errors` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scan_id` integer NOT NULL,
	`file` text NOT NULL,
	`code` text NOT NULL,
	`message` text NOT NULL,
	FOREIGN KEY (`scan_id`) REFERENCES `scans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `usage_file_errors_scan_idx` ON `usage_file_errors` (`scan_id`);--> statement-breakpoint
CREATE TABLE `usage_files` (
	`scan_id` integer NOT NULL,
	`file_key` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`bedrock_events` integer NOT NULL,
	FOREIGN KEY (`scan_id`) REFERENCES `scans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `usage_files_key_idx` ON `usage_files` (`file_key`,`size_bytes`);--> statement-breakpoint
CREATE INDEX `usage_files_scan_idx` ON `usage_files` (`scan_id`);--> statement-breakpoint
CREATE TABLE `usage_imports` (
	`scan_id` integer PRIMARY KEY NOT NULL,
	`source` text NOT NULL,
	`files_read` integer DEFAULT 0 NOT NULL,
	`files_skipped` integer DEFAULT 0 NOT NULL,
	`files_failed` integer DEFAULT 0 NOT NULL,
	`records_read` integer DEFAULT 0 NOT NULL,
	`bedrock_events` integer DEFAULT 0 NOT NULL,
	`high_water_mark` text,
	`duration_ms` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`scan_id`) REFERENCES `scans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `usage_standing_sources` (
	`scan_id` integer NOT NULL,
	`principal_arn` text NOT NULL,
	`source_address` text NOT NULL,
	`calls` integer NOT NULL,
	`last_call_at` text NOT NULL,
	PRIMARY KEY(`scan_id`, `principal_arn`, `source_address`),
	FOREIGN KEY (`scan_id`) REFERENCES `scans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `usage_standing_sources_principal_idx` ON `usage_standing_sources` (`principal_arn`);