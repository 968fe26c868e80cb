CREATE TABLE `actions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`priority_id` integer NOT NULL,
	`reference` text NOT NULL,
	`what` text NOT NULL,
	`how` text DEFAULT '' NOT NULL,
	`lead_person_id` integer,
	`sro_person_id` integer,
	`partner_id` integer,
	`starts_on` text,
	`due_on` text,
	`revised_due_on` text,
	`revised_due_reason` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'not_started' NOT NULL,
	`success_measures` text DEFAULT '' NOT NULL,
	`references_text` text DEFAULT '' NOT NULL,
	`rag_override` text,
	`rag_override_reason` text DEFAULT '' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`deletion_id` text,
	FOREIGN KEY (`priority_id`) REFERENCES `priorities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`lead_person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`sro_person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `actions_priority_idx` ON `actions` (`priority_id`,`position`);--> statement-breakpoint
CREATE INDEX `actions_lead_idx` ON `actions` (`lead_person_id`);--> statement-breakpoint
CREATE INDEX `actions_due_idx` ON `actions` (`due_on`);--> statement-breakpoint
CREATE TABLE `area_profile` (
	`id` integer PRIMARY KEY NOT NULL,
	`area_name` text DEFAULT '' NOT NULL,
	`la_code` text DEFAULT '' NOT NULL,
	`icb` text DEFAULT '' NOT NULL,
	`region` text DEFAULT '' NOT NULL,
	`statistical_neighbours` text DEFAULT '[]' NOT NULL,
	`protective_marking` text DEFAULT 'OFFICIAL-SENSITIVE' NOT NULL,
	`author_name` text DEFAULT '' NOT NULL,
	`status_key_id` text DEFAULT 'rag' NOT NULL,
	`default_framework_id` text DEFAULT 'area-send-2025' NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`author` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` integer NOT NULL,
	`operation` text NOT NULL,
	`field` text,
	`old_value` text,
	`new_value` text,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_entity_idx` ON `audit_log` (`entity`,`entity_id`,`id`);--> statement-breakpoint
CREATE TABLE `bin_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`deletion_id` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` integer NOT NULL,
	`label` text NOT NULL,
	`deleted_at` text NOT NULL,
	`author` text NOT NULL,
	`restored_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bin_deletion_unique` ON `bin_entries` (`deletion_id`);--> statement-breakpoint
CREATE TABLE `evidence_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reference` text NOT NULL,
	`title` text NOT NULL,
	`kind` text NOT NULL,
	`level` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`owner_person_id` integer,
	`effective_from` text,
	`effective_to` text,
	`added_on` text NOT NULL,
	`location` text DEFAULT '' NOT NULL,
	`contains_personal_data` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`deletion_id` text,
	FOREIGN KEY (`owner_person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `evidence_reference_unique` ON `evidence_items` (`reference`);--> statement-breakpoint
CREATE INDEX `evidence_kind_idx` ON `evidence_items` (`kind`,`level`);--> statement-breakpoint
CREATE INDEX `evidence_effective_idx` ON `evidence_items` (`effective_from`);--> statement-breakpoint
CREATE INDEX `evidence_owner_idx` ON `evidence_items` (`owner_person_id`);--> statement-breakpoint
CREATE TABLE `evidence_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`evidence_id` integer NOT NULL,
	`finding_id` integer,
	`priority_id` integer,
	`action_id` integer,
	`milestone_id` integer,
	`indicator_id` integer,
	`sef_section_id` integer,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`deletion_id` text,
	FOREIGN KEY (`evidence_id`) REFERENCES `evidence_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`finding_id`) REFERENCES `findings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`priority_id`) REFERENCES `priorities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`action_id`) REFERENCES `actions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`milestone_id`) REFERENCES `milestones`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`sef_section_id`) REFERENCES `sef_sections`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "evidence_links_exactly_one_target" CHECK(("evidence_links"."finding_id" IS NOT NULL) + ("evidence_links"."priority_id" IS NOT NULL) + ("evidence_links"."action_id" IS NOT NULL) + ("evidence_links"."milestone_id" IS NOT NULL) + ("evidence_links"."indicator_id" IS NOT NULL) + ("evidence_links"."sef_section_id" IS NOT NULL) = 1)
);
--> statement-breakpoint
CREATE INDEX `evidence_links_evidence_idx` ON `evidence_links` (`evidence_id`);--> statement-breakpoint
CREATE INDEX `evidence_links_finding_idx` ON `evidence_links` (`finding_id`);--> statement-breakpoint
CREATE INDEX `evidence_links_priority_idx` ON `evidence_links` (`priority_id`);--> statement-breakpoint
CREATE INDEX `evidence_links_action_idx` ON `evidence_links` (`action_id`);--> statement-breakpoint
CREATE INDEX `evidence_links_milestone_idx` ON `evidence_links` (`milestone_id`);--> statement-breakpoint
CREATE INDEX `evidence_links_indicator_idx` ON `evidence_links` (`indicator_id`);--> statement-breakpoint
CREATE INDEX `evidence_links_sef_section_idx` ON `evidence_links` (`sef_section_id`);--> statement-breakpoint
CREATE TABLE `finding_assessments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`finding_id` integer NOT NULL,
	`event_id` integer,
	`result` text NOT NULL,
	`commentary` text DEFAULT '' NOT NULL,
	`assessed_on` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`deletion_id` text,
	FOREIGN KEY (`finding_id`) REFERENCES `findings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`event_id`) REFERENCES `inspection_events`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `finding_assessments_finding_idx` ON `finding_assessments` (`finding_id`,`assessed_on`);--> statement-breakpoint
CREATE TABLE `finding_partners` (
	`finding_id` integer NOT NULL,
	`partner_id` integer NOT NULL,
	PRIMARY KEY(`finding_id`, `partner_id`),
	FOREIGN KEY (`finding_id`) REFERENCES `findings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `finding_partners_partner_idx` ON `finding_partners` (`partner_id`);--> statement-breakpoint
CREATE TABLE `findings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`type` text NOT NULL,
	`reference` text DEFAULT '' NOT NULL,
	`title` text NOT NULL,
	`text` text DEFAULT '' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`deletion_id` text,
	FOREIGN KEY (`event_id`) REFERENCES `inspection_events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `findings_event_idx` ON `findings` (`event_id`,`position`);--> statement-breakpoint
CREATE TABLE `indicator_targets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`indicator_id` integer NOT NULL,
	`period_label` text NOT NULL,
	`target_value` real NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`deletion_id` text,
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `indicator_targets_indicator_idx` ON `indicator_targets` (`indicator_id`);--> statement-breakpoint
CREATE TABLE `indicator_values` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`indicator_id` integer NOT NULL,
	`period_label` text NOT NULL,
	`period_start` text NOT NULL,
	`geography` text NOT NULL,
	`value` real NOT NULL,
	`provisional` integer DEFAULT false NOT NULL,
	`source_note` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`deletion_id` text,
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `indicator_values_series_idx` ON `indicator_values` (`indicator_id`,`geography`,`period_start`);--> statement-breakpoint
CREATE UNIQUE INDEX `indicator_values_unique_live` ON `indicator_values` (`indicator_id`,`period_label`,`geography`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE TABLE `indicators` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text DEFAULT '' NOT NULL,
	`title` text NOT NULL,
	`definition` text DEFAULT '' NOT NULL,
	`unit` text DEFAULT '%' NOT NULL,
	`polarity` text DEFAULT 'higher_is_better' NOT NULL,
	`source` text DEFAULT '' NOT NULL,
	`period_type` text DEFAULT 'academic_year' NOT NULL,
	`baseline_value` real,
	`baseline_period` text DEFAULT '' NOT NULL,
	`series_break_notes` text DEFAULT '' NOT NULL,
	`decimals` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`deletion_id` text
);
--> statement-breakpoint
CREATE TABLE `inspection_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`framework_id` text NOT NULL,
	`title` text NOT NULL,
	`notified_on` text,
	`fieldwork_start_on` text,
	`onsite_start_on` text,
	`onsite_end_on` text,
	`published_on` text,
	`lead_inspector` text DEFAULT '' NOT NULL,
	`outcome` text,
	`summary` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`deletion_id` text
);
--> statement-breakpoint
CREATE TABLE `milestones` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`action_id` integer NOT NULL,
	`title` text NOT NULL,
	`due_on` text,
	`period_label` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'not_yet_due' NOT NULL,
	`achieved_on` text,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`deletion_id` text,
	FOREIGN KEY (`action_id`) REFERENCES `actions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `milestones_action_idx` ON `milestones` (`action_id`,`position`);--> statement-breakpoint
CREATE INDEX `milestones_due_idx` ON `milestones` (`due_on`);--> statement-breakpoint
CREATE TABLE `partners` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`deletion_id` text
);
--> statement-breakpoint
CREATE TABLE `people` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`role` text DEFAULT '' NOT NULL,
	`partner_id` integer,
	`email` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`deletion_id` text,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `people_partner_idx` ON `people` (`partner_id`);--> statement-breakpoint
CREATE TABLE `plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`type` text NOT NULL,
	`title` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`event_id` integer,
	`approver` text DEFAULT '' NOT NULL,
	`submitted_on` text,
	`approved_on` text,
	`published_on` text,
	`starts_on` text,
	`ends_on` text,
	`review_cadence` text DEFAULT 'quarterly' NOT NULL,
	`next_review_on` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`deletion_id` text,
	FOREIGN KEY (`event_id`) REFERENCES `inspection_events`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `priorities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`reference` text NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`lead_person_id` integer,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`deletion_id` text,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`lead_person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `priorities_plan_idx` ON `priorities` (`plan_id`,`position`);--> statement-breakpoint
CREATE TABLE `priority_findings` (
	`priority_id` integer NOT NULL,
	`finding_id` integer NOT NULL,
	PRIMARY KEY(`priority_id`, `finding_id`),
	FOREIGN KEY (`priority_id`) REFERENCES `priorities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`finding_id`) REFERENCES `findings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `priority_findings_finding_idx` ON `priority_findings` (`finding_id`);--> statement-breakpoint
CREATE TABLE `progress_updates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`action_id` integer NOT NULL,
	`milestone_id` integer,
	`reported_on` text NOT NULL,
	`period_label` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`rag` text,
	`highlights` text DEFAULT '' NOT NULL,
	`issues` text DEFAULT '' NOT NULL,
	`mitigation` text DEFAULT '' NOT NULL,
	`author` text DEFAULT '' NOT NULL,
	`source` text DEFAULT 'app' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`deletion_id` text,
	FOREIGN KEY (`action_id`) REFERENCES `actions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`milestone_id`) REFERENCES `milestones`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `progress_updates_action_idx` ON `progress_updates` (`action_id`,`reported_on`);--> statement-breakpoint
CREATE TABLE `sef_section_actions` (
	`section_id` integer NOT NULL,
	`action_id` integer NOT NULL,
	PRIMARY KEY(`section_id`, `action_id`),
	FOREIGN KEY (`section_id`) REFERENCES `sef_sections`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`action_id`) REFERENCES `actions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sef_section_actions_action_idx` ON `sef_section_actions` (`action_id`);--> statement-breakpoint
CREATE TABLE `sef_sections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sef_id` integer NOT NULL,
	`criterion_id` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`judgement` text,
	`confidence` text,
	`what_we_know` text DEFAULT '' NOT NULL,
	`what_we_have_done` text DEFAULT '' NOT NULL,
	`impact` text DEFAULT '' NOT NULL,
	`what_next` text DEFAULT '' NOT NULL,
	`strengths` text DEFAULT '' NOT NULL,
	`areas_for_development` text DEFAULT '' NOT NULL,
	`is_draft` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`deletion_id` text,
	FOREIGN KEY (`sef_id`) REFERENCES `self_evaluations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sef_sections_sef_idx` ON `sef_sections` (`sef_id`,`position`);--> statement-breakpoint
CREATE TABLE `sef_signoffs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sef_id` integer NOT NULL,
	`partner_id` integer,
	`signatory_name` text NOT NULL,
	`signed_on` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`deletion_id` text,
	FOREIGN KEY (`sef_id`) REFERENCES `self_evaluations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `sef_signoffs_sef_idx` ON `sef_signoffs` (`sef_id`);--> statement-breakpoint
CREATE TABLE `self_evaluations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`framework_id` text NOT NULL,
	`scale_id` text NOT NULL,
	`as_of` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`deletion_id` text
);
--> statement-breakpoint
CREATE TABLE `workbook_info` (
	`id` integer PRIMARY KEY NOT NULL,
	`workbook_id` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by_app_version` text NOT NULL,
	`next_evidence_number` integer DEFAULT 1 NOT NULL
);
