ALTER TABLE `campaign_items` ADD `item_kind` text DEFAULT 'entitlement' NOT NULL;--> statement-breakpoint
ALTER TABLE `campaign_items` ADD `person_user_id` text;--> statement-breakpoint
ALTER TABLE `campaign_items` ADD `person_user_name` text;--> statement-breakpoint
ALTER TABLE `campaign_items` ADD `person_email` text;--> statement-breakpoint
ALTER TABLE `campaign_items` ADD `permission_set_arn` text;--> statement-breakpoint
ALTER TABLE `campaign_items` ADD `permission_set_name` text;--> statement-breakpoint
ALTER TABLE `campaign_items` ADD `via_group_id` text;--> statement-breakpoint
ALTER TABLE `campaign_items` ADD `via_group_name` text;--> statement-breakpoint
ALTER TABLE `owner_mappings` ADD `group_name` text;--> statement-breakpoint
ALTER TABLE `owner_mappings` ADD `permission_set_name` text;