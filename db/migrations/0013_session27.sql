DROP INDEX `usage_daily_bucket_idx`;--> statement-breakpoint
CREATE UNIQUE INDEX `usage_daily_bucket_idx` ON `usage_daily` (`scan_id`,`day`,`bucket_key`);