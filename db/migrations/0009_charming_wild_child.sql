CREATE TABLE `usage_sessions` (
	`scan_id` integer NOT NULL,
	`access_key_id` text NOT NULL,
	`origin` text NOT NULL,
	`expires_at` text,
	PRIMARY KEY(`scan_id`, `access_key_id`),
	FOREIGN KEY (`scan_id`) REFERENCES `scans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `usage_sessions_expiry_idx` ON `usage_sessions` (`expires_at`);