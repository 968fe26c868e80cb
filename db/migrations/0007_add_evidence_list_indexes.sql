CREATE INDEX `evidence_live_kind_idx` ON `evidence_items` (`kind`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `evidence_live_level_idx` ON `evidence_items` (`level`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `evidence_live_personal_idx` ON `evidence_items` (`contains_personal_data`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `evidence_live_effective_idx` ON `evidence_items` (`effective_from`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `evidence_live_added_idx` ON `evidence_items` (`added_on`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `evidence_live_title_idx` ON `evidence_items` (`title`) WHERE deleted_at IS NULL;