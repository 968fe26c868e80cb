CREATE TABLE `plan_sheet_mappings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`header_key` text NOT NULL,
	`headers` text NOT NULL,
	`mapping` text NOT NULL,
	`status_map` text DEFAULT '{}' NOT NULL,
	`rag_map` text DEFAULT '{}' NOT NULL,
	`saved_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_sheet_mappings_header_unique` ON `plan_sheet_mappings` (`header_key`);