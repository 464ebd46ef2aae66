DROP INDEX `sod_conflicts_scan_rule_idx`;--> statement-breakpoint
CREATE INDEX `sod_conflicts_scan_rule_severity_idx` ON `sod_conflicts` (`scan_id`,`rule_id`,`severity`);--> statement-breakpoint
CREATE INDEX `sod_conflicts_scan_principal_arn_idx` ON `sod_conflicts` (`scan_id`,`principal_arn`);