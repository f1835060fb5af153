-- A published track version is never changed in place: cohorts that follow it, and certificates
-- that name it, must keep meaning what they meant. Changes go into a new draft version.
CREATE OR REPLACE FUNCTION refuse_change_to_published_track_version() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- Deleting the whole track (or its municipality) takes its versions along: the track row is gone
  -- by the time the cascade reaches them.
  IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM tracks WHERE id = OLD.track_id) THEN RETURN OLD; END IF;
  IF OLD.status = 'published' THEN
    RAISE EXCEPTION 'track version % is published and cannot be changed', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER track_versions_frozen_when_published BEFORE UPDATE OR DELETE ON track_versions
  FOR EACH ROW EXECUTE FUNCTION refuse_change_to_published_track_version();
--> statement-breakpoint
-- The parts of a version (competences, levels, modules, materials) are frozen with it.
CREATE OR REPLACE FUNCTION refuse_change_to_part_of_published_track_version() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  row_data record;
  version_id uuid;
BEGIN
  IF TG_OP = 'DELETE' THEN row_data := OLD; ELSE row_data := NEW; END IF;
  IF TG_TABLE_NAME IN ('track_competences', 'track_modules') THEN
    version_id := row_data.track_version_id;
  ELSIF TG_TABLE_NAME = 'competence_levels' THEN
    SELECT track_version_id INTO version_id FROM track_competences WHERE id = row_data.competence_id;
  ELSIF TG_TABLE_NAME = 'module_materials' THEN
    SELECT track_version_id INTO version_id FROM track_modules WHERE id = row_data.module_id;
  END IF;
  IF EXISTS (SELECT 1 FROM track_versions WHERE id = version_id AND status = 'published') THEN
    RAISE EXCEPTION 'track version % is published and cannot be changed', version_id USING ERRCODE = 'check_violation';
  END IF;
  -- An update must not move a part out of a published version either.
  IF TG_OP = 'UPDATE' THEN
    IF TG_TABLE_NAME IN ('track_competences', 'track_modules') THEN
      IF EXISTS (SELECT 1 FROM track_versions WHERE id = OLD.track_version_id AND status = 'published') THEN
        RAISE EXCEPTION 'track version % is published and cannot be changed', OLD.track_version_id USING ERRCODE = 'check_violation';
      END IF;
    END IF;
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER track_competences_frozen_when_published BEFORE INSERT OR UPDATE OR DELETE ON track_competences
  FOR EACH ROW EXECUTE FUNCTION refuse_change_to_part_of_published_track_version();
--> statement-breakpoint
CREATE TRIGGER competence_levels_frozen_when_published BEFORE INSERT OR UPDATE OR DELETE ON competence_levels
  FOR EACH ROW EXECUTE FUNCTION refuse_change_to_part_of_published_track_version();
--> statement-breakpoint
CREATE TRIGGER track_modules_frozen_when_published BEFORE INSERT OR UPDATE OR DELETE ON track_modules
  FOR EACH ROW EXECUTE FUNCTION refuse_change_to_part_of_published_track_version();
--> statement-breakpoint
CREATE TRIGGER module_materials_frozen_when_published BEFORE INSERT OR UPDATE OR DELETE ON module_materials
  FOR EACH ROW EXECUTE FUNCTION refuse_change_to_part_of_published_track_version();
