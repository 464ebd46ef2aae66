DROP INDEX `person_assignments_scan_set_idx`;--> statement-breakpoint
DROP INDEX `person_assignments_scan_group_idx`;--> statement-breakpoint
CREATE INDEX `person_assignments_scan_set_name_idx` ON `person_assignments` (`scan_id`,`permission_set_name`);--> statement-breakpoint
ALTER TABLE `identity_center_instances` ADD `person_action_names` text DEFAULT '[]' NOT NULL;