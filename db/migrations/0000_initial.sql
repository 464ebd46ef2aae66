CREATE TABLE `sign_in_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sign_in_attempts_key_at_idx` ON `sign_in_attempts` (`key`,`at`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`is_active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE INDEX `users_role_idx` ON `users` (`role`);--> statement-breakpoint
CREATE TABLE `accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`ou_path` text DEFAULT '[]' NOT NULL,
	`environment` text DEFAULT 'unknown' NOT NULL,
	`owner_email` text,
	`tags` text DEFAULT '{}' NOT NULL,
	`source` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `accounts_environment_idx` ON `accounts` (`environment`);--> statement-breakpoint
CREATE INDEX `accounts_name_idx` ON `accounts` (`name`);--> statement-breakpoint
CREATE TABLE `scan_accounts` (
	`scan_id` integer NOT NULL,
	`account_id` text NOT NULL,
	`status` text NOT NULL,
	`error` text,
	`principal_count` integer DEFAULT 0 NOT NULL,
	`bedrock_principal_count` integer DEFAULT 0 NOT NULL,
	`duration_ms` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`scan_id`, `account_id`),
	FOREIGN KEY (`scan_id`) REFERENCES `scans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `scan_accounts_account_idx` ON `scan_accounts` (`account_id`);--> statement-breakpoint
CREATE TABLE `scans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`status` text NOT NULL,
	`source` text NOT NULL,
	`trigger` text NOT NULL,
	`source_location` text,
	`requested_by` text,
	`queued_at` text NOT NULL,
	`started_at` text,
	`finished_at` text,
	`progress_done` integer DEFAULT 0 NOT NULL,
	`progress_total` integer DEFAULT 0 NOT NULL,
	`progress_message` text,
	`is_published` integer DEFAULT false NOT NULL,
	`error` text,
	`summary` text,
	`worker_pid` integer
);
--> statement-breakpoint
CREATE INDEX `scans_status_idx` ON `scans` (`status`);--> statement-breakpoint
CREATE INDEX `scans_published_finished_idx` ON `scans` (`is_published`,`finished_at`);--> statement-breakpoint
CREATE TABLE `entitlements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scan_id` integer NOT NULL,
	`principal_id` integer NOT NULL,
	`entitlement_key` text NOT NULL,
	`policy_kind` text NOT NULL,
	`policy_arn` text,
	`policy_name` text NOT NULL,
	`is_aws_managed` integer NOT NULL,
	`attached_via` text NOT NULL,
	`group_name` text,
	`tiers_mask` integer NOT NULL,
	`actions` text NOT NULL,
	`action_count` integer NOT NULL,
	`is_conditional` integer NOT NULL,
	FOREIGN KEY (`scan_id`) REFERENCES `scans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`principal_id`) REFERENCES `principals`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `entitlements_scan_principal_idx` ON `entitlements` (`scan_id`,`principal_id`);--> statement-breakpoint
CREATE INDEX `entitlements_scan_key_idx` ON `entitlements` (`scan_id`,`entitlement_key`);--> statement-breakpoint
CREATE TABLE `grants` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scan_id` integer NOT NULL,
	`entitlement_id` integer NOT NULL,
	`principal_id` integer NOT NULL,
	`statement_id` text,
	`statement_index` integer NOT NULL,
	`actions` text NOT NULL,
	`tiers_mask` integer NOT NULL,
	`resources` text NOT NULL,
	`not_resources` text NOT NULL,
	`regions` text NOT NULL,
	`conditions` text NOT NULL,
	`is_conditional` integer NOT NULL,
	`requires_guardrail` integer NOT NULL,
	FOREIGN KEY (`scan_id`) REFERENCES `scans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`entitlement_id`) REFERENCES `entitlements`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `grants_entitlement_idx` ON `grants` (`entitlement_id`);--> statement-breakpoint
CREATE INDEX `grants_scan_principal_idx` ON `grants` (`scan_id`,`principal_id`);--> statement-breakpoint
CREATE TABLE `policies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scan_id` integer NOT NULL,
	`account_id` text NOT NULL,
	`arn` text NOT NULL,
	`name` text NOT NULL,
	`is_aws_managed` integer NOT NULL,
	`default_version_id` text NOT NULL,
	`document_hash` text NOT NULL,
	FOREIGN KEY (`scan_id`) REFERENCES `scans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`document_hash`) REFERENCES `policy_documents`(`hash`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `policies_scan_account_arn_idx` ON `policies` (`scan_id`,`account_id`,`arn`);--> statement-breakpoint
CREATE TABLE `policy_documents` (
	`hash` text PRIMARY KEY NOT NULL,
	`document` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `principals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scan_id` integer NOT NULL,
	`account_id` text NOT NULL,
	`arn` text NOT NULL,
	`type` text NOT NULL,
	`name` text NOT NULL,
	`path` text NOT NULL,
	`owner_email` text,
	`permission_set_name` text,
	`has_bedrock` integer NOT NULL,
	`tiers_mask` integer DEFAULT 0 NOT NULL,
	`action_count` integer DEFAULT 0 NOT NULL,
	`score` integer DEFAULT 0 NOT NULL,
	`conflict_count` integer DEFAULT 0 NOT NULL,
	`max_conflict_severity` text,
	`last_used_at` text,
	`is_exposed_outside_org` integer DEFAULT false NOT NULL,
	`has_unpinned_oidc` integer DEFAULT false NOT NULL,
	`has_public_trust` integer DEFAULT false NOT NULL,
	`facts` text NOT NULL,
	`analysis` text NOT NULL,
	FOREIGN KEY (`scan_id`) REFERENCES `scans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `principals_scan_arn_idx` ON `principals` (`scan_id`,`arn`);--> statement-breakpoint
CREATE INDEX `principals_scan_score_idx` ON `principals` (`scan_id`,`has_bedrock`,`score`);--> statement-breakpoint
CREATE INDEX `principals_scan_account_idx` ON `principals` (`scan_id`,`account_id`);--> statement-breakpoint
CREATE INDEX `principals_scan_owner_idx` ON `principals` (`scan_id`,`owner_email`);--> statement-breakpoint
CREATE INDEX `principals_scan_name_idx` ON `principals` (`scan_id`,`name`);--> statement-breakpoint
CREATE INDEX `principals_scan_last_used_idx` ON `principals` (`scan_id`,`last_used_at`);--> statement-breakpoint
CREATE INDEX `principals_scan_conflicts_idx` ON `principals` (`scan_id`,`conflict_count`);--> statement-breakpoint
CREATE TABLE `sod_conflicts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scan_id` integer NOT NULL,
	`principal_id` integer NOT NULL,
	`principal_arn` text NOT NULL,
	`account_id` text NOT NULL,
	`rule_id` text NOT NULL,
	`severity` text NOT NULL,
	`title` text NOT NULL,
	`side_a` text NOT NULL,
	`side_b` text NOT NULL,
	FOREIGN KEY (`scan_id`) REFERENCES `scans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`principal_id`) REFERENCES `principals`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sod_conflicts_scan_rule_idx` ON `sod_conflicts` (`scan_id`,`rule_id`);--> statement-breakpoint
CREATE INDEX `sod_conflicts_scan_severity_idx` ON `sod_conflicts` (`scan_id`,`severity`);--> statement-breakpoint
CREATE INDEX `sod_conflicts_principal_idx` ON `sod_conflicts` (`principal_id`);--> statement-breakpoint
CREATE TABLE `sod_exceptions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`rule_id` text NOT NULL,
	`principal_arn` text NOT NULL,
	`reason` text NOT NULL,
	`expires_at` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`withdrawn_at` text
);
--> statement-breakpoint
CREATE INDEX `sod_exceptions_rule_principal_idx` ON `sod_exceptions` (`rule_id`,`principal_arn`);--> statement-breakpoint
CREATE TABLE `sod_rules` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`severity` text NOT NULL,
	`rationale` text NOT NULL,
	`side_a` text NOT NULL,
	`side_b` text NOT NULL,
	`is_enabled` integer DEFAULT true NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `campaign_definitions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`scope` text NOT NULL,
	`due_in_days` integer NOT NULL,
	`close_behaviour` text NOT NULL,
	`schedule` text,
	`is_enabled` integer DEFAULT true NOT NULL,
	`last_launched_at` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `campaign_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`principal_arn` text NOT NULL,
	`principal_name` text NOT NULL,
	`principal_type` text NOT NULL,
	`account_id` text NOT NULL,
	`entitlement_key` text NOT NULL,
	`reviewer_email` text NOT NULL,
	`reviewer_reason` text NOT NULL,
	`status` text NOT NULL,
	`tiers_mask` integer NOT NULL,
	`score` integer NOT NULL,
	`context` text NOT NULL,
	`last_decision_id` integer,
	`keep_until` text,
	`version` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `campaign_items_reviewer_idx` ON `campaign_items` (`reviewer_email`,`status`);--> statement-breakpoint
CREATE INDEX `campaign_items_campaign_idx` ON `campaign_items` (`campaign_id`,`status`);--> statement-breakpoint
CREATE UNIQUE INDEX `campaign_items_campaign_entitlement_idx` ON `campaign_items` (`campaign_id`,`entitlement_key`);--> statement-breakpoint
CREATE TABLE `campaigns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`definition_id` integer,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`scope` text NOT NULL,
	`close_behaviour` text NOT NULL,
	`status` text NOT NULL,
	`scan_id` integer NOT NULL,
	`is_partial_snapshot` integer NOT NULL,
	`launched_at` text NOT NULL,
	`due_at` text NOT NULL,
	`closed_at` text,
	`launched_by` text NOT NULL,
	`last_reminder_at` text,
	`escalated_at` text,
	FOREIGN KEY (`definition_id`) REFERENCES `campaign_definitions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`scan_id`) REFERENCES `scans`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `campaigns_status_idx` ON `campaigns` (`status`,`due_at`);--> statement-breakpoint
CREATE TABLE `decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`item_id` integer NOT NULL,
	`campaign_id` integer NOT NULL,
	`kind` text NOT NULL,
	`justification` text NOT NULL,
	`keep_until` text,
	`delegate_to` text,
	`decided_by` text NOT NULL,
	`decided_at` text NOT NULL,
	`scan_id` integer NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `campaign_items`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `decisions_item_idx` ON `decisions` (`item_id`);--> statement-breakpoint
CREATE INDEX `decisions_campaign_idx` ON `decisions` (`campaign_id`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_email` text NOT NULL,
	`kind` text NOT NULL,
	`message` text NOT NULL,
	`link` text,
	`created_at` text NOT NULL,
	`read_at` text
);
--> statement-breakpoint
CREATE INDEX `notifications_user_idx` ON `notifications` (`user_email`,`read_at`);--> statement-breakpoint
CREATE TABLE `owner_mappings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`priority` integer NOT NULL,
	`account_id` text,
	`path_prefix` text,
	`name_pattern` text,
	`owner_email` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `revocations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`status` text NOT NULL,
	`origin` text NOT NULL,
	`campaign_item_id` integer,
	`principal_arn` text NOT NULL,
	`account_id` text NOT NULL,
	`entitlement_key` text NOT NULL,
	`mode` text NOT NULL,
	`justification` text NOT NULL,
	`requested_by` text NOT NULL,
	`requested_at` text NOT NULL,
	`approved_by` text,
	`approved_at` text,
	`executed_by` text,
	`executed_at` text,
	`verified_at` text,
	`plan` text,
	`before_state` text,
	`result` text,
	`error` text,
	`script` text,
	`attempts` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `revocations_status_idx` ON `revocations` (`status`);--> statement-breakpoint
CREATE INDEX `revocations_principal_idx` ON `revocations` (`principal_arn`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`object_type` text NOT NULL,
	`object_id` text NOT NULL,
	`before` text,
	`after` text,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_object_idx` ON `audit_log` (`object_type`,`object_id`);--> statement-breakpoint
CREATE INDEX `audit_log_actor_idx` ON `audit_log` (`actor`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL
);
