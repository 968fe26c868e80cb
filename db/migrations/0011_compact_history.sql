-- History stored compactly (issue #17). The old table is kept under another name; the step in
-- db/audit-storage.ts (compactAuditLog, run by db/open-workbook.ts right after this SQL, in the
-- same transaction) copies every entry into the compact layout, proves that every entry reads
-- back with the same fields and hash and that the chain verifies as before, then drops it.
DROP INDEX IF EXISTS `audit_entity_idx`;--> statement-breakpoint
ALTER TABLE `audit_log` RENAME TO `audit_log_before_0011`;--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` blob NOT NULL,
	`author` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` integer NOT NULL,
	`operation` text NOT NULL,
	`field` text,
	`old_value` blob,
	`new_value` blob,
	`hash` blob NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_entity_idx` ON `audit_log` (`entity`,`entity_id`,`id`);
