ALTER TABLE `area_profile` ADD `overview_plan_id` integer;--> statement-breakpoint
ALTER TABLE `progress_updates` ADD `supersedes_id` integer;