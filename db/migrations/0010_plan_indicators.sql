CREATE TABLE `plan_indicators` (
	`plan_id` integer NOT NULL,
	`indicator_id` integer NOT NULL,
	PRIMARY KEY(`plan_id`, `indicator_id`),
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `plan_indicators_indicator_idx` ON `plan_indicators` (`indicator_id`);