CREATE TABLE `case_sampling_themes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`theme` text NOT NULL,
	`samples_requested` integer DEFAULT 0 NOT NULL,
	`samples_supplied` integer DEFAULT 0 NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`deletion_id` text,
	FOREIGN KEY (`event_id`) REFERENCES `inspection_events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `case_sampling_event_idx` ON `case_sampling_themes` (`event_id`);--> statement-breakpoint
CREATE TABLE `evidence_files` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`evidence_id` integer NOT NULL,
	`sha256` text NOT NULL,
	`original_name` text NOT NULL,
	`size` integer NOT NULL,
	`mime_type` text NOT NULL,
	`added_on` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`deletion_id` text,
	FOREIGN KEY (`evidence_id`) REFERENCES `evidence_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`sha256`) REFERENCES `file_blobs`(`sha256`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `evidence_files_evidence_idx` ON `evidence_files` (`evidence_id`);--> statement-breakpoint
CREATE INDEX `evidence_files_sha_idx` ON `evidence_files` (`sha256`);--> statement-breakpoint
CREATE TABLE `file_blobs` (
	`sha256` text PRIMARY KEY NOT NULL,
	`size` integer NOT NULL,
	`mime_type` text NOT NULL,
	`text_status` text DEFAULT 'pending' NOT NULL,
	`text_note` text DEFAULT '' NOT NULL,
	`extracted_text` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `file_chunks` (
	`sha256` text NOT NULL,
	`seq` integer NOT NULL,
	`data` blob NOT NULL,
	PRIMARY KEY(`sha256`, `seq`),
	FOREIGN KEY (`sha256`) REFERENCES `file_blobs`(`sha256`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `info_request_evidence` (
	`request_id` integer NOT NULL,
	`evidence_id` integer NOT NULL,
	PRIMARY KEY(`request_id`, `evidence_id`),
	FOREIGN KEY (`request_id`) REFERENCES `info_requests`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`evidence_id`) REFERENCES `evidence_items`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `info_request_evidence_evidence_idx` ON `info_request_evidence` (`evidence_id`);--> statement-breakpoint
CREATE TABLE `info_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`item` text NOT NULL,
	`category` text DEFAULT '' NOT NULL,
	`owner_person_id` integer,
	`due_on` text,
	`status` text DEFAULT 'not_started' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`deletion_id` text,
	FOREIGN KEY (`event_id`) REFERENCES `inspection_events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `info_requests_event_idx` ON `info_requests` (`event_id`,`position`);--> statement-breakpoint
CREATE TABLE `inspector_request_evidence` (
	`request_id` integer NOT NULL,
	`evidence_id` integer NOT NULL,
	PRIMARY KEY(`request_id`, `evidence_id`),
	FOREIGN KEY (`request_id`) REFERENCES `inspector_requests`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`evidence_id`) REFERENCES `evidence_items`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `inspector_request_evidence_evidence_idx` ON `inspector_request_evidence` (`evidence_id`);--> statement-breakpoint
CREATE TABLE `inspector_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`received_at` text NOT NULL,
	`from_whom` text DEFAULT '' NOT NULL,
	`request` text NOT NULL,
	`due_at` text,
	`owner_person_id` integer,
	`status` text DEFAULT 'open' NOT NULL,
	`response` text DEFAULT '' NOT NULL,
	`answered_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`deletion_id` text,
	FOREIGN KEY (`event_id`) REFERENCES `inspection_events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `inspector_requests_event_idx` ON `inspector_requests` (`event_id`,`received_at`);--> statement-breakpoint
CREATE TABLE `tracked_child_evidence` (
	`child_id` integer NOT NULL,
	`evidence_id` integer NOT NULL,
	PRIMARY KEY(`child_id`, `evidence_id`),
	FOREIGN KEY (`child_id`) REFERENCES `tracked_children`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`evidence_id`) REFERENCES `evidence_items`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `tracked_child_evidence_evidence_idx` ON `tracked_child_evidence` (`evidence_id`);--> statement-breakpoint
CREATE TABLE `tracked_children` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`pseudonym` text NOT NULL,
	`setting_type` text NOT NULL,
	`sen_status` text NOT NULL,
	`consent_status` text DEFAULT 'not_asked' NOT NULL,
	`selected_on` text,
	`documents_due_on` text,
	`meeting_on` text,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`deletion_id` text,
	FOREIGN KEY (`event_id`) REFERENCES `inspection_events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `tracked_children_event_idx` ON `tracked_children` (`event_id`);