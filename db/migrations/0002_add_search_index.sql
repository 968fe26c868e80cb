-- Full-text search (issue #6). One FTS5 table holds the searchable text of every live record;
-- search_docs maps each FTS row to its record and carries what the filters need. Triggers keep both
-- in step with every write path (services, bin restores, imports): a row is indexed only while it
-- is live (deleted_at IS NULL), so binned records vanish from results and come back on restore.
-- unicode61 with remove_diacritics 2 folds case and accents (café finds cafe); the prefix indexes
-- make search-as-you-type fast.
CREATE TABLE `search_docs` (
	`id` integer PRIMARY KEY NOT NULL,
	`entity` text NOT NULL,
	`entity_id` integer NOT NULL,
	`on_date` text,
	`evidence_id` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `search_docs_entity_idx` ON `search_docs` (`entity`, `entity_id`);
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_fts` USING fts5(title, body, tokenize = "unicode61 remove_diacritics 2", prefix = '2 3');
--> statement-breakpoint
-- Titles weigh more than body text when ranking.
INSERT INTO `search_fts` (`search_fts`, `rank`) VALUES ('rank', 'bm25(8.0, 1.0)');
--> statement-breakpoint
CREATE TRIGGER `search_findings_insert` AFTER INSERT ON `findings` WHEN NEW.deleted_at IS NULL BEGIN
	INSERT INTO search_docs (entity, entity_id, on_date, evidence_id) VALUES ('finding', NEW.id, (SELECT published_on FROM inspection_events WHERE id = NEW.event_id), NULL);
	INSERT INTO search_fts (rowid, title, body) VALUES (last_insert_rowid(), NEW.reference || ' ' || NEW.title, NEW.text);
END;
--> statement-breakpoint
CREATE TRIGGER `search_findings_update` AFTER UPDATE ON `findings` BEGIN
	DELETE FROM search_fts WHERE rowid = (SELECT id FROM search_docs WHERE entity = 'finding' AND entity_id = OLD.id);
	DELETE FROM search_docs WHERE entity = 'finding' AND entity_id = OLD.id;
	INSERT INTO search_docs (entity, entity_id, on_date, evidence_id) SELECT 'finding', NEW.id, (SELECT published_on FROM inspection_events WHERE id = NEW.event_id), NULL WHERE NEW.deleted_at IS NULL;
	INSERT INTO search_fts (rowid, title, body) SELECT last_insert_rowid(), NEW.reference || ' ' || NEW.title, NEW.text WHERE NEW.deleted_at IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `search_findings_delete` AFTER DELETE ON `findings` BEGIN
	DELETE FROM search_fts WHERE rowid = (SELECT id FROM search_docs WHERE entity = 'finding' AND entity_id = OLD.id);
	DELETE FROM search_docs WHERE entity = 'finding' AND entity_id = OLD.id;
END;
--> statement-breakpoint
INSERT INTO search_docs (entity, entity_id, on_date, evidence_id) SELECT 'finding', x.id, (SELECT published_on FROM inspection_events WHERE id = x.event_id), NULL FROM `findings` x WHERE x.deleted_at IS NULL;
--> statement-breakpoint
INSERT INTO search_fts (rowid, title, body) SELECT d.id, x.reference || ' ' || x.title, x.text FROM search_docs d JOIN `findings` x ON x.id = d.entity_id WHERE d.entity = 'finding';
--> statement-breakpoint
CREATE TRIGGER `search_priorities_insert` AFTER INSERT ON `priorities` WHEN NEW.deleted_at IS NULL BEGIN
	INSERT INTO search_docs (entity, entity_id, on_date, evidence_id) VALUES ('priority', NEW.id, NULL, NULL);
	INSERT INTO search_fts (rowid, title, body) VALUES (last_insert_rowid(), NEW.reference || ' ' || NEW.title, NEW.description);
END;
--> statement-breakpoint
CREATE TRIGGER `search_priorities_update` AFTER UPDATE ON `priorities` BEGIN
	DELETE FROM search_fts WHERE rowid = (SELECT id FROM search_docs WHERE entity = 'priority' AND entity_id = OLD.id);
	DELETE FROM search_docs WHERE entity = 'priority' AND entity_id = OLD.id;
	INSERT INTO search_docs (entity, entity_id, on_date, evidence_id) SELECT 'priority', NEW.id, NULL, NULL WHERE NEW.deleted_at IS NULL;
	INSERT INTO search_fts (rowid, title, body) SELECT last_insert_rowid(), NEW.reference || ' ' || NEW.title, NEW.description WHERE NEW.deleted_at IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `search_priorities_delete` AFTER DELETE ON `priorities` BEGIN
	DELETE FROM search_fts WHERE rowid = (SELECT id FROM search_docs WHERE entity = 'priority' AND entity_id = OLD.id);
	DELETE FROM search_docs WHERE entity = 'priority' AND entity_id = OLD.id;
END;
--> statement-breakpoint
INSERT INTO search_docs (entity, entity_id, on_date, evidence_id) SELECT 'priority', x.id, NULL, NULL FROM `priorities` x WHERE x.deleted_at IS NULL;
--> statement-breakpoint
INSERT INTO search_fts (rowid, title, body) SELECT d.id, x.reference || ' ' || x.title, x.description FROM search_docs d JOIN `priorities` x ON x.id = d.entity_id WHERE d.entity = 'priority';
--> statement-breakpoint
CREATE TRIGGER `search_actions_insert` AFTER INSERT ON `actions` WHEN NEW.deleted_at IS NULL BEGIN
	INSERT INTO search_docs (entity, entity_id, on_date, evidence_id) VALUES ('action', NEW.id, coalesce(NEW.revised_due_on, NEW.due_on), NULL);
	INSERT INTO search_fts (rowid, title, body) VALUES (last_insert_rowid(), NEW.reference || ' ' || NEW.what, coalesce(NEW.how, '') || char(10) || coalesce(NEW.success_measures, '') || char(10) || coalesce(NEW.references_text, '') || char(10) || coalesce(NEW.revised_due_reason, '') || char(10) || coalesce(NEW.rag_override_reason, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `search_actions_update` AFTER UPDATE ON `actions` BEGIN
	DELETE FROM search_fts WHERE rowid = (SELECT id FROM search_docs WHERE entity = 'action' AND entity_id = OLD.id);
	DELETE FROM search_docs WHERE entity = 'action' AND entity_id = OLD.id;
	INSERT INTO search_docs (entity, entity_id, on_date, evidence_id) SELECT 'action', NEW.id, coalesce(NEW.revised_due_on, NEW.due_on), NULL WHERE NEW.deleted_at IS NULL;
	INSERT INTO search_fts (rowid, title, body) SELECT last_insert_rowid(), NEW.reference || ' ' || NEW.what, coalesce(NEW.how, '') || char(10) || coalesce(NEW.success_measures, '') || char(10) || coalesce(NEW.references_text, '') || char(10) || coalesce(NEW.revised_due_reason, '') || char(10) || coalesce(NEW.rag_override_reason, '') WHERE NEW.deleted_at IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `search_actions_delete` AFTER DELETE ON `actions` BEGIN
	DELETE FROM search_fts WHERE rowid = (SELECT id FROM search_docs WHERE entity = 'action' AND entity_id = OLD.id);
	DELETE FROM search_docs WHERE entity = 'action' AND entity_id = OLD.id;
END;
--> statement-breakpoint
INSERT INTO search_docs (entity, entity_id, on_date, evidence_id) SELECT 'action', x.id, coalesce(x.revised_due_on, x.due_on), NULL FROM `actions` x WHERE x.deleted_at IS NULL;
--> statement-breakpoint
INSERT INTO search_fts (rowid, title, body) SELECT d.id, x.reference || ' ' || x.what, coalesce(x.how, '') || char(10) || coalesce(x.success_measures, '') || char(10) || coalesce(x.references_text, '') || char(10) || coalesce(x.revised_due_reason, '') || char(10) || coalesce(x.rag_override_reason, '') FROM search_docs d JOIN `actions` x ON x.id = d.entity_id WHERE d.entity = 'action';
--> statement-breakpoint
CREATE TRIGGER `search_milestones_insert` AFTER INSERT ON `milestones` WHEN NEW.deleted_at IS NULL BEGIN
	INSERT INTO search_docs (entity, entity_id, on_date, evidence_id) VALUES ('milestone', NEW.id, NEW.due_on, NULL);
	INSERT INTO search_fts (rowid, title, body) VALUES (last_insert_rowid(), NEW.title, NEW.period_label);
END;
--> statement-breakpoint
CREATE TRIGGER `search_milestones_update` AFTER UPDATE ON `milestones` BEGIN
	DELETE FROM search_fts WHERE rowid = (SELECT id FROM search_docs WHERE entity = 'milestone' AND entity_id = OLD.id);
	DELETE FROM search_docs WHERE entity = 'milestone' AND entity_id = OLD.id;
	INSERT INTO search_docs (entity, entity_id, on_date, evidence_id) SELECT 'milestone', NEW.id, NEW.due_on, NULL WHERE NEW.deleted_at IS NULL;
	INSERT INTO search_fts (rowid, title, body) SELECT last_insert_rowid(), NEW.title, NEW.period_label WHERE NEW.deleted_at IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `search_milestones_delete` AFTER DELETE ON `milestones` BEGIN
	DELETE FROM search_fts WHERE rowid = (SELECT id FROM search_docs WHERE entity = 'milestone' AND entity_id = OLD.id);
	DELETE FROM search_docs WHERE entity = 'milestone' AND entity_id = OLD.id;
END;
--> statement-breakpoint
INSERT INTO search_docs (entity, entity_id, on_date, evidence_id) SELECT 'milestone', x.id, x.due_on, NULL FROM `milestones` x WHERE x.deleted_at IS NULL;
--> statement-breakpoint
INSERT INTO search_fts (rowid, title, body) SELECT d.id, x.title, x.period_label FROM search_docs d JOIN `milestones` x ON x.id = d.entity_id WHERE d.entity = 'milestone';
--> statement-breakpoint
CREATE TRIGGER `search_progress_updates_insert` AFTER INSERT ON `progress_updates` WHEN NEW.deleted_at IS NULL BEGIN
	INSERT INTO search_docs (entity, entity_id, on_date, evidence_id) VALUES ('progress', NEW.id, NEW.reported_on, NULL);
	INSERT INTO search_fts (rowid, title, body) VALUES (last_insert_rowid(), NEW.period_label, coalesce(NEW.highlights, '') || char(10) || coalesce(NEW.issues, '') || char(10) || coalesce(NEW.mitigation, '') || char(10) || coalesce(NEW.author, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `search_progress_updates_update` AFTER UPDATE ON `progress_updates` BEGIN
	DELETE FROM search_fts WHERE rowid = (SELECT id FROM search_docs WHERE entity = 'progress' AND entity_id = OLD.id);
	DELETE FROM search_docs WHERE entity = 'progress' AND entity_id = OLD.id;
	INSERT INTO search_docs (entity, entity_id, on_date, evidence_id) SELECT 'progress', NEW.id, NEW.reported_on, NULL WHERE NEW.deleted_at IS NULL;
	INSERT INTO search_fts (rowid, title, body) SELECT last_insert_rowid(), NEW.period_label, coalesce(NEW.highlights, '') || char(10) || coalesce(NEW.issues, '') || char(10) || coalesce(NEW.mitigation, '') || char(10) || coalesce(NEW.author, '') WHERE NEW.deleted_at IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `search_progress_updates_delete` AFTER DELETE ON `progress_updates` BEGIN
	DELETE FROM search_fts WHERE rowid = (SELECT id FROM search_docs WHERE entity = 'progress' AND entity_id = OLD.id);
	DELETE FROM search_docs WHERE entity = 'progress' AND entity_id = OLD.id;
END;
--> statement-breakpoint
INSERT INTO search_docs (entity, entity_id, on_date, evidence_id) SELECT 'progress', x.id, x.reported_on, NULL FROM `progress_updates` x WHERE x.deleted_at IS NULL;
--> statement-breakpoint
INSERT INTO search_fts (rowid, title, body) SELECT d.id, x.period_label, coalesce(x.highlights, '') || char(10) || coalesce(x.issues, '') || char(10) || coalesce(x.mitigation, '') || char(10) || coalesce(x.author, '') FROM search_docs d JOIN `progress_updates` x ON x.id = d.entity_id WHERE d.entity = 'progress';
--> statement-breakpoint
CREATE TRIGGER `search_indicators_insert` AFTER INSERT ON `indicators` WHEN NEW.deleted_at IS NULL BEGIN
	INSERT INTO search_docs (entity, entity_id, on_date, evidence_id) VALUES ('indicator', NEW.id, NULL, NULL);
	INSERT INTO search_fts (rowid, title, body) VALUES (last_insert_rowid(), trim(NEW.code || ' ' || NEW.title), coalesce(NEW.definition, '') || char(10) || coalesce(NEW.source, '') || char(10) || coalesce(NEW.series_break_notes, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `search_indicators_update` AFTER UPDATE ON `indicators` BEGIN
	DELETE FROM search_fts WHERE rowid = (SELECT id FROM search_docs WHERE entity = 'indicator' AND entity_id = OLD.id);
	DELETE FROM search_docs WHERE entity = 'indicator' AND entity_id = OLD.id;
	INSERT INTO search_docs (entity, entity_id, on_date, evidence_id) SELECT 'indicator', NEW.id, NULL, NULL WHERE NEW.deleted_at IS NULL;
	INSERT INTO search_fts (rowid, title, body) SELECT last_insert_rowid(), trim(NEW.code || ' ' || NEW.title), coalesce(NEW.definition, '') || char(10) || coalesce(NEW.source, '') || char(10) || coalesce(NEW.series_break_notes, '') WHERE NEW.deleted_at IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `search_indicators_delete` AFTER DELETE ON `indicators` BEGIN
	DELETE FROM search_fts WHERE rowid = (SELECT id FROM search_docs WHERE entity = 'indicator' AND entity_id = OLD.id);
	DELETE FROM search_docs WHERE entity = 'indicator' AND entity_id = OLD.id;
END;
--> statement-breakpoint
INSERT INTO search_docs (entity, entity_id, on_date, evidence_id) SELECT 'indicator', x.id, NULL, NULL FROM `indicators` x WHERE x.deleted_at IS NULL;
--> statement-breakpoint
INSERT INTO search_fts (rowid, title, body) SELECT d.id, trim(x.code || ' ' || x.title), coalesce(x.definition, '') || char(10) || coalesce(x.source, '') || char(10) || coalesce(x.series_break_notes, '') FROM search_docs d JOIN `indicators` x ON x.id = d.entity_id WHERE d.entity = 'indicator';
--> statement-breakpoint
CREATE TRIGGER `search_evidence_items_insert` AFTER INSERT ON `evidence_items` WHEN NEW.deleted_at IS NULL BEGIN
	INSERT INTO search_docs (entity, entity_id, on_date, evidence_id) VALUES ('evidence', NEW.id, coalesce(NEW.effective_from, NEW.added_on), NEW.id);
	INSERT INTO search_fts (rowid, title, body) VALUES (last_insert_rowid(), NEW.reference || ' ' || NEW.title, coalesce(NEW.summary, '') || char(10) || coalesce(NEW.location, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `search_evidence_items_update` AFTER UPDATE ON `evidence_items` BEGIN
	DELETE FROM search_fts WHERE rowid = (SELECT id FROM search_docs WHERE entity = 'evidence' AND entity_id = OLD.id);
	DELETE FROM search_docs WHERE entity = 'evidence' AND entity_id = OLD.id;
	INSERT INTO search_docs (entity, entity_id, on_date, evidence_id) SELECT 'evidence', NEW.id, coalesce(NEW.effective_from, NEW.added_on), NEW.id WHERE NEW.deleted_at IS NULL;
	INSERT INTO search_fts (rowid, title, body) SELECT last_insert_rowid(), NEW.reference || ' ' || NEW.title, coalesce(NEW.summary, '') || char(10) || coalesce(NEW.location, '') WHERE NEW.deleted_at IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `search_evidence_items_delete` AFTER DELETE ON `evidence_items` BEGIN
	DELETE FROM search_fts WHERE rowid = (SELECT id FROM search_docs WHERE entity = 'evidence' AND entity_id = OLD.id);
	DELETE FROM search_docs WHERE entity = 'evidence' AND entity_id = OLD.id;
END;
--> statement-breakpoint
INSERT INTO search_docs (entity, entity_id, on_date, evidence_id) SELECT 'evidence', x.id, coalesce(x.effective_from, x.added_on), x.id FROM `evidence_items` x WHERE x.deleted_at IS NULL;
--> statement-breakpoint
INSERT INTO search_fts (rowid, title, body) SELECT d.id, x.reference || ' ' || x.title, coalesce(x.summary, '') || char(10) || coalesce(x.location, '') FROM search_docs d JOIN `evidence_items` x ON x.id = d.entity_id WHERE d.entity = 'evidence';
--> statement-breakpoint
CREATE TRIGGER `search_evidence_files_insert` AFTER INSERT ON `evidence_files` WHEN NEW.deleted_at IS NULL BEGIN
	INSERT INTO search_docs (entity, entity_id, on_date, evidence_id) VALUES ('evidenceFile', NEW.id, NEW.added_on, NEW.evidence_id);
	INSERT INTO search_fts (rowid, title, body) VALUES (last_insert_rowid(), NEW.original_name, (SELECT extracted_text FROM file_blobs WHERE sha256 = NEW.sha256));
END;
--> statement-breakpoint
CREATE TRIGGER `search_evidence_files_update` AFTER UPDATE ON `evidence_files` BEGIN
	DELETE FROM search_fts WHERE rowid = (SELECT id FROM search_docs WHERE entity = 'evidenceFile' AND entity_id = OLD.id);
	DELETE FROM search_docs WHERE entity = 'evidenceFile' AND entity_id = OLD.id;
	INSERT INTO search_docs (entity, entity_id, on_date, evidence_id) SELECT 'evidenceFile', NEW.id, NEW.added_on, NEW.evidence_id WHERE NEW.deleted_at IS NULL;
	INSERT INTO search_fts (rowid, title, body) SELECT last_insert_rowid(), NEW.original_name, (SELECT extracted_text FROM file_blobs WHERE sha256 = NEW.sha256) WHERE NEW.deleted_at IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `search_evidence_files_delete` AFTER DELETE ON `evidence_files` BEGIN
	DELETE FROM search_fts WHERE rowid = (SELECT id FROM search_docs WHERE entity = 'evidenceFile' AND entity_id = OLD.id);
	DELETE FROM search_docs WHERE entity = 'evidenceFile' AND entity_id = OLD.id;
END;
--> statement-breakpoint
INSERT INTO search_docs (entity, entity_id, on_date, evidence_id) SELECT 'evidenceFile', x.id, x.added_on, x.evidence_id FROM `evidence_files` x WHERE x.deleted_at IS NULL;
--> statement-breakpoint
INSERT INTO search_fts (rowid, title, body) SELECT d.id, x.original_name, (SELECT extracted_text FROM file_blobs WHERE sha256 = x.sha256) FROM search_docs d JOIN `evidence_files` x ON x.id = d.entity_id WHERE d.entity = 'evidenceFile';
--> statement-breakpoint
CREATE TRIGGER `search_sef_sections_insert` AFTER INSERT ON `sef_sections` WHEN NEW.deleted_at IS NULL BEGIN
	INSERT INTO search_docs (entity, entity_id, on_date, evidence_id) VALUES ('section', NEW.id, (SELECT as_of FROM self_evaluations WHERE id = NEW.sef_id), NULL);
	INSERT INTO search_fts (rowid, title, body) VALUES (last_insert_rowid(), '', coalesce(NEW.what_we_know, '') || char(10) || coalesce(NEW.what_we_have_done, '') || char(10) || coalesce(NEW.impact, '') || char(10) || coalesce(NEW.what_next, '') || char(10) || coalesce(NEW.strengths, '') || char(10) || coalesce(NEW.areas_for_development, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `search_sef_sections_update` AFTER UPDATE ON `sef_sections` BEGIN
	DELETE FROM search_fts WHERE rowid = (SELECT id FROM search_docs WHERE entity = 'section' AND entity_id = OLD.id);
	DELETE FROM search_docs WHERE entity = 'section' AND entity_id = OLD.id;
	INSERT INTO search_docs (entity, entity_id, on_date, evidence_id) SELECT 'section', NEW.id, (SELECT as_of FROM self_evaluations WHERE id = NEW.sef_id), NULL WHERE NEW.deleted_at IS NULL;
	INSERT INTO search_fts (rowid, title, body) SELECT last_insert_rowid(), '', coalesce(NEW.what_we_know, '') || char(10) || coalesce(NEW.what_we_have_done, '') || char(10) || coalesce(NEW.impact, '') || char(10) || coalesce(NEW.what_next, '') || char(10) || coalesce(NEW.strengths, '') || char(10) || coalesce(NEW.areas_for_development, '') WHERE NEW.deleted_at IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `search_sef_sections_delete` AFTER DELETE ON `sef_sections` BEGIN
	DELETE FROM search_fts WHERE rowid = (SELECT id FROM search_docs WHERE entity = 'section' AND entity_id = OLD.id);
	DELETE FROM search_docs WHERE entity = 'section' AND entity_id = OLD.id;
END;
--> statement-breakpoint
INSERT INTO search_docs (entity, entity_id, on_date, evidence_id) SELECT 'section', x.id, (SELECT as_of FROM self_evaluations WHERE id = x.sef_id), NULL FROM `sef_sections` x WHERE x.deleted_at IS NULL;
--> statement-breakpoint
INSERT INTO search_fts (rowid, title, body) SELECT d.id, '', coalesce(x.what_we_know, '') || char(10) || coalesce(x.what_we_have_done, '') || char(10) || coalesce(x.impact, '') || char(10) || coalesce(x.what_next, '') || char(10) || coalesce(x.strengths, '') || char(10) || coalesce(x.areas_for_development, '') FROM search_docs d JOIN `sef_sections` x ON x.id = d.entity_id WHERE d.entity = 'section';
--> statement-breakpoint
CREATE TRIGGER `search_people_insert` AFTER INSERT ON `people` WHEN NEW.deleted_at IS NULL BEGIN
	INSERT INTO search_docs (entity, entity_id, on_date, evidence_id) VALUES ('person', NEW.id, NULL, NULL);
	INSERT INTO search_fts (rowid, title, body) VALUES (last_insert_rowid(), NEW.name, coalesce(NEW.role, '') || char(10) || coalesce(NEW.email, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `search_people_update` AFTER UPDATE ON `people` BEGIN
	DELETE FROM search_fts WHERE rowid = (SELECT id FROM search_docs WHERE entity = 'person' AND entity_id = OLD.id);
	DELETE FROM search_docs WHERE entity = 'person' AND entity_id = OLD.id;
	INSERT INTO search_docs (entity, entity_id, on_date, evidence_id) SELECT 'person', NEW.id, NULL, NULL WHERE NEW.deleted_at IS NULL;
	INSERT INTO search_fts (rowid, title, body) SELECT last_insert_rowid(), NEW.name, coalesce(NEW.role, '') || char(10) || coalesce(NEW.email, '') WHERE NEW.deleted_at IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `search_people_delete` AFTER DELETE ON `people` BEGIN
	DELETE FROM search_fts WHERE rowid = (SELECT id FROM search_docs WHERE entity = 'person' AND entity_id = OLD.id);
	DELETE FROM search_docs WHERE entity = 'person' AND entity_id = OLD.id;
END;
--> statement-breakpoint
INSERT INTO search_docs (entity, entity_id, on_date, evidence_id) SELECT 'person', x.id, NULL, NULL FROM `people` x WHERE x.deleted_at IS NULL;
--> statement-breakpoint
INSERT INTO search_fts (rowid, title, body) SELECT d.id, x.name, coalesce(x.role, '') || char(10) || coalesce(x.email, '') FROM search_docs d JOIN `people` x ON x.id = d.entity_id WHERE d.entity = 'person';
--> statement-breakpoint
-- Text extracted from a stored file reaches every evidence file that shares its content.
CREATE TRIGGER `search_file_blobs_text` AFTER UPDATE OF extracted_text ON `file_blobs` BEGIN
	DELETE FROM search_fts WHERE rowid IN (SELECT d.id FROM search_docs d JOIN evidence_files f ON f.id = d.entity_id WHERE d.entity = 'evidenceFile' AND f.sha256 = NEW.sha256);
	INSERT INTO search_fts (rowid, title, body) SELECT d.id, f.original_name, NEW.extracted_text FROM search_docs d JOIN evidence_files f ON f.id = d.entity_id WHERE d.entity = 'evidenceFile' AND f.sha256 = NEW.sha256;
END;
--> statement-breakpoint
-- Dates a record takes from its parent follow the parent.
CREATE TRIGGER `search_inspection_events_date` AFTER UPDATE OF published_on ON `inspection_events` BEGIN
	UPDATE search_docs SET on_date = NEW.published_on WHERE entity = 'finding' AND entity_id IN (SELECT id FROM findings WHERE event_id = NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER `search_self_evaluations_date` AFTER UPDATE OF as_of ON `self_evaluations` BEGIN
	UPDATE search_docs SET on_date = NEW.as_of WHERE entity = 'section' AND entity_id IN (SELECT id FROM sef_sections WHERE sef_id = NEW.id);
END;
