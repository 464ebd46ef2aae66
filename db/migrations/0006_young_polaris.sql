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
CREATE INDEX `control_switchers_scan_principal_idx` ON `control_switchers` (`scan_id`,`principal_arn`);