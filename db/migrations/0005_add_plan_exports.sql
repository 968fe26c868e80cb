CREATE TABLE `plan_exports` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` integer NOT NULL,
	`exported_at` text NOT NULL,
	`action_count` integer NOT NULL,
	`milestone_count` integer NOT NULL,
	`update_count` integer NOT NULL,
	`row_ids` text NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `plan_exports_plan_idx` ON `plan_exports` (`plan_id`);