CREATE INDEX `campaign_items_campaign_reviewer_idx` ON `campaign_items` (`campaign_id`,`reviewer_email`,`status`);--> statement-breakpoint
CREATE INDEX `campaign_items_campaign_account_idx` ON `campaign_items` (`campaign_id`,`account_id`,`status`);--> statement-breakpoint
CREATE INDEX `campaign_items_campaign_order_idx` ON `campaign_items` (`campaign_id`,`principal_name`,`entitlement_key`);