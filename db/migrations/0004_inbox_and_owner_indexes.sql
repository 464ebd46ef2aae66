DROP INDEX `campaign_items_reviewer_idx`;--> statement-breakpoint
CREATE INDEX `campaign_items_reviewer_page_idx` ON `campaign_items` (`reviewer_email`,`status`,"campaign_id" desc,`principal_name`,`entitlement_key`,`account_id`);--> statement-breakpoint
DROP INDEX `principals_scan_owner_idx`;--> statement-breakpoint
CREATE INDEX `principals_scan_owner_idx` ON `principals` (`scan_id`,`owner_email`,`has_bedrock`,`score`);