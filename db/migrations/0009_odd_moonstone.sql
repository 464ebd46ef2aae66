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
CREATE INDEX `sod_exception_requests_rule_principal_idx` ON `sod_exception_requests` (`rule_id`,`principal_arn`,`status`);