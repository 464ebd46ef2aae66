/** The lifecycle and kinds of a launched campaign (the schema's enums and the list page's filters take these lists). */
export const CAMPAIGN_STATUSES = ['active', 'closed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const CAMPAIGN_KINDS = ['standard', 'micro'] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];

export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = { active: 'Active', closed: 'Closed' };
export const CAMPAIGN_KIND_LABELS: Record<CampaignKind, string> = { standard: 'Standard', micro: 'Micro' };
