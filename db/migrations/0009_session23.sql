CREATE TABLE `usage_sessions` (
	`scan_id` integer NOT NULL,
	`access_key_id` text NOT NULL,
	`origin` text NOT NULL,
	`expires_at` text,
	PRIMARY KEY(`scan_id`, `access_key_id`),
	FOREIGN KEY (`scan_id`) REFERENCES `scans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `usage_sessions_expiry_idx` ON `usage_sessions` (`expires_at`);--> statement-breakpoint
CREATE TABLE `sod_exception_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`conflict_id` integer NOT NULL,
	`rule_id` text NOT NULL,
	`principal_arn` text NOT NULL,
	`severity` text NOT NULL,
	`reason` text NOT NULL,
	`expires_at` text NOT NULL,
	`requested_by` text NOT NULL,
	`requested_at` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`decided_by` text,
	`decided_at` text,
	`exception_id` integer
);
--> statement-breakpoint
CREATE INDEX `sod_exception_requests_rule_principal_idx` ON `sod_exception_requests` (`rule_id`,`principal_arn`,`status`);--> statement-breakpoint
ALTER TABLE `campaign_items` ADD `item_kind` text DEFAULT 'entitlement' NOT NULL;--> statement-breakpoint
ALTER TABLE `campaign_items` ADD `person_user_id` text;--> statement-breakpoint
ALTER TABLE `campaign_items` ADD `person_user_name` text;--> statement-breakpoint
ALTER TABLE `campaign_items` ADD `person_email` text;--> statement-breakpoint
ALTER TABLE `campaign_items` ADD `permission_set_arn` text;--> statement-breakpoint
ALTER TABLE `campaign_items` ADD `permission_set_name` text;--> statement-breakpoint
ALTER TABLE `campaign_items` ADD `via_group_id` text;--> statement-breakpoint
ALTER TABLE `campaign_items` ADD `via_group_name` text;--> statement-breakpoint
CREATE INDEX `campaign_items_reviewer_risk_idx` ON `campaign_items` (`reviewer_email`,`status`,"score" desc);--> statement-breakpoint
CREATE INDEX `campaign_items_campaign_risk_idx` ON `campaign_items` (`campaign_id`,"score" desc);--> statement-breakpoint
ALTER TABLE `owner_mappings` ADD `group_name` text;--> statement-breakpoint
ALTER TABLE `owner_mappings` ADD `permission_set_name` text;--> statement-breakpoint
CREATE INDEX `revocations_campaign_item_idx` ON `revocations` (`campaign_item_id`);