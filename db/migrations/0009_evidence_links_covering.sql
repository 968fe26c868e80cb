DROP INDEX `evidence_links_finding_idx`;--> statement-breakpoint
DROP INDEX `evidence_links_priority_idx`;--> statement-breakpoint
DROP INDEX `evidence_links_action_idx`;--> statement-breakpoint
DROP INDEX `evidence_links_milestone_idx`;--> statement-breakpoint
DROP INDEX `evidence_links_sef_section_idx`;--> statement-breakpoint
CREATE INDEX `evidence_links_finding_idx` ON `evidence_links` (`finding_id`,`deleted_at`,`evidence_id`);--> statement-breakpoint
CREATE INDEX `evidence_links_priority_idx` ON `evidence_links` (`priority_id`,`deleted_at`,`evidence_id`);--> statement-breakpoint
CREATE INDEX `evidence_links_action_idx` ON `evidence_links` (`action_id`,`deleted_at`,`evidence_id`);--> statement-breakpoint
CREATE INDEX `evidence_links_milestone_idx` ON `evidence_links` (`milestone_id`,`deleted_at`,`evidence_id`);--> statement-breakpoint
CREATE INDEX `evidence_links_sef_section_idx` ON `evidence_links` (`sef_section_id`,`deleted_at`,`evidence_id`);