ALTER TABLE `bin_entries` ADD `row_count` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE INDEX `bin_open_idx` ON `bin_entries` (`restored_at`,`id`);