ALTER TABLE `identity_center_assignments` ADD `is_effective` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `identity_center_assignments` ADD `role_arn` text;--> statement-breakpoint
CREATE INDEX `identity_center_assignments_scan_set_idx` ON `identity_center_assignments` (`scan_id`,`permission_set_arn`);--> statement-breakpoint
ALTER TABLE `identity_center_memberships` ADD `is_effective` integer DEFAULT true NOT NULL;--> statement-breakpoint
-- Scans stored before this migration keep the role each assignment becomes: copied from the
-- expanded rows they wrote (person_assignments, a table until now) before the view replaces it.
UPDATE `identity_center_assignments` SET `role_arn` = (
  SELECT pa.`role_arn` FROM `person_assignments` pa
  WHERE pa.`scan_id` = `identity_center_assignments`.`scan_id` AND pa.`account_id` = `identity_center_assignments`.`account_id`
    AND pa.`permission_set_arn` = `identity_center_assignments`.`permission_set_arn` AND pa.`role_arn` IS NOT NULL
  LIMIT 1
);--> statement-breakpoint
DROP TABLE `person_assignments`;--> statement-breakpoint
CREATE VIEW `person_assignments` AS 
  SELECT a.id AS id, a.scan_id AS scan_id, a.principal_id AS user_id, a.account_id AS account_id, a.permission_set_arn AS permission_set_arn,
    s.name AS permission_set_name, NULL AS via_group_id, NULL AS via_group_name, a.role_arn AS role_arn
  FROM identity_center_assignments a
  JOIN identity_center_permission_sets s ON s.scan_id = a.scan_id AND s.arn = a.permission_set_arn
  WHERE a.principal_type = 'USER' AND a.is_effective = 1
  UNION ALL
  SELECT a.id, a.scan_id, m.user_id, a.account_id, a.permission_set_arn, s.name, a.principal_id, g.display_name, a.role_arn
  FROM identity_center_assignments a
  JOIN identity_center_permission_sets s ON s.scan_id = a.scan_id AND s.arn = a.permission_set_arn
  JOIN identity_center_groups g ON g.scan_id = a.scan_id AND g.group_id = a.principal_id
  JOIN identity_center_memberships m ON m.scan_id = a.scan_id AND m.group_id = a.principal_id
  WHERE a.principal_type = 'GROUP' AND a.is_effective = 1 AND m.is_effective = 1
;