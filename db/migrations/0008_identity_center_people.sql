CREATE TABLE `identity_center_assignments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scan_id` integer NOT NULL,
	`account_id` text NOT NULL,
	`permission_set_arn` text NOT NULL,
	`principal_type` text NOT NULL,
	`principal_id` text NOT NULL,
	`is_to_empty_group` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`scan_id`) REFERENCES `scans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `identity_center_assignments_scan_account_idx` ON `identity_center_assignments` (`scan_id`,`account_id`);--> statement-breakpoint
CREATE INDEX `identity_center_assignments_scan_principal_idx` ON `identity_center_assignments` (`scan_id`,`principal_id`);--> statement-breakpoint
CREATE TABLE `identity_center_groups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scan_id` integer NOT NULL,
	`group_id` text NOT NULL,
	`display_name` text NOT NULL,
	`description` text,
	`member_count` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`scan_id`) REFERENCES `scans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `identity_center_groups_scan_group_idx` ON `identity_center_groups` (`scan_id`,`group_id`);--> statement-breakpoint
CREATE INDEX `identity_center_groups_scan_name_idx` ON `identity_center_groups` (`scan_id`,`display_name`);--> statement-breakpoint
CREATE TABLE `identity_center_instances` (
	`scan_id` integer PRIMARY KEY NOT NULL,
	`instance_arn` text NOT NULL,
	`identity_store_id` text NOT NULL,
	FOREIGN KEY (`scan_id`) REFERENCES `scans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `identity_center_memberships` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scan_id` integer NOT NULL,
	`membership_id` text NOT NULL,
	`group_id` text NOT NULL,
	`user_id` text NOT NULL,
	FOREIGN KEY (`scan_id`) REFERENCES `scans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `identity_center_memberships_scan_group_idx` ON `identity_center_memberships` (`scan_id`,`group_id`);--> statement-breakpoint
CREATE INDEX `identity_center_memberships_scan_user_idx` ON `identity_center_memberships` (`scan_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `identity_center_permission_sets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scan_id` integer NOT NULL,
	`arn` text NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`session_duration` text,
	`policies` text NOT NULL,
	FOREIGN KEY (`scan_id`) REFERENCES `scans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `identity_center_permission_sets_scan_arn_idx` ON `identity_center_permission_sets` (`scan_id`,`arn`);--> statement-breakpoint
CREATE INDEX `identity_center_permission_sets_scan_name_idx` ON `identity_center_permission_sets` (`scan_id`,`name`);--> statement-breakpoint
CREATE TABLE `identity_center_users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scan_id` integer NOT NULL,
	`user_id` text NOT NULL,
	`user_name` text NOT NULL,
	`display_name` text,
	`email` text,
	`external_id` text,
	`account_count` integer DEFAULT 0 NOT NULL,
	`assignment_count` integer DEFAULT 0 NOT NULL,
	`tiers_mask` integer DEFAULT 0 NOT NULL,
	`score` integer DEFAULT 0 NOT NULL,
	`bedrock_account_count` integer DEFAULT 0 NOT NULL,
	`conflict_count` integer DEFAULT 0 NOT NULL,
	`max_conflict_severity` text,
	`analysis` text DEFAULT '{}' NOT NULL,
	FOREIGN KEY (`scan_id`) REFERENCES `scans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `identity_center_users_scan_user_idx` ON `identity_center_users` (`scan_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `identity_center_users_scan_name_idx` ON `identity_center_users` (`scan_id`,`user_name`);--> statement-breakpoint
CREATE INDEX `identity_center_users_scan_accounts_idx` ON `identity_center_users` (`scan_id`,`account_count`);--> statement-breakpoint
CREATE INDEX `identity_center_users_scan_score_idx` ON `identity_center_users` (`scan_id`,`score`,`tiers_mask`);--> statement-breakpoint
CREATE INDEX `identity_center_users_scan_bedrock_accounts_idx` ON `identity_center_users` (`scan_id`,`bedrock_account_count`);--> statement-breakpoint
CREATE TABLE `person_assignments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scan_id` integer NOT NULL,
	`user_id` text NOT NULL,
	`account_id` text NOT NULL,
	`permission_set_arn` text NOT NULL,
	`permission_set_name` text NOT NULL,
	`via_group_id` text,
	`via_group_name` text,
	`role_arn` text,
	FOREIGN KEY (`scan_id`) REFERENCES `scans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `person_assignments_scan_user_idx` ON `person_assignments` (`scan_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `person_assignments_scan_role_idx` ON `person_assignments` (`scan_id`,`role_arn`);--> statement-breakpoint
CREATE INDEX `person_assignments_scan_account_idx` ON `person_assignments` (`scan_id`,`account_id`);--> statement-breakpoint
CREATE INDEX `person_assignments_scan_set_idx` ON `person_assignments` (`scan_id`,`permission_set_arn`);--> statement-breakpoint
CREATE INDEX `person_assignments_scan_group_idx` ON `person_assignments` (`scan_id`,`via_group_id`);--> statement-breakpoint
CREATE TABLE `sso_role_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scan_id` integer NOT NULL,
	`role_arn` text NOT NULL,
	`account_id` text NOT NULL,
	`permission_set_name` text NOT NULL,
	`permission_set_arn` text,
	`drift` text DEFAULT '[]' NOT NULL,
	`is_assigned` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`scan_id`) REFERENCES `scans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sso_role_links_scan_role_idx` ON `sso_role_links` (`scan_id`,`role_arn`);--> statement-breakpoint
CREATE INDEX `sso_role_links_scan_set_idx` ON `sso_role_links` (`scan_id`,`permission_set_arn`);