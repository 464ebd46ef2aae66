CREATE INDEX `campaign_items_reviewer_risk_idx` ON `campaign_items` (`reviewer_email`,`status`,"score" desc);--> statement-breakpoint
CREATE INDEX `campaign_items_campaign_risk_idx` ON `campaign_items` (`campaign_id`,"score" desc);--> statement-breakpoint
CREATE INDEX `revocations_campaign_item_idx` ON `revocations` (`campaign_item_id`);