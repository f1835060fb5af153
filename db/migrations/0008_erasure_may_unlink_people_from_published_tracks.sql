-- A published track version stays frozen, with one exception: erasing a person (their data-subject
-- right, app/features/privacy/registry.server.ts) removes the link to them as the one who made,
-- published or uploaded something. Only those columns may change, and only to null; everything a
-- cohort or certificate relies on stays exactly as published.
CREATE OR REPLACE FUNCTION refuse_change_to_published_track_version() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- Deleting the whole track (or its municipality) takes its versions along: the track row is gone
  -- by the time the cascade reaches them.
  IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM tracks WHERE id = OLD.track_id) THEN RETURN OLD; END IF;
  IF TG_OP = 'UPDATE' AND OLD.status = 'published'
     AND (NEW.created_by IS NULL OR NEW.created_by IS NOT DISTINCT FROM OLD.created_by)
     AND (NEW.published_by IS NULL OR NEW.published_by IS NOT DISTINCT FROM OLD.published_by)
     AND (to_jsonb(NEW) - 'created_by' - 'published_by') = (to_jsonb(OLD) - 'created_by' - 'published_by') THEN
    RETURN NEW;
  END IF;
  IF OLD.status = 'published' THEN
    RAISE EXCEPTION 'track version % is published and cannot be changed', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION refuse_change_to_part_of_published_track_version() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  row_data record;
  version_id uuid;
BEGIN
  IF TG_OP = 'DELETE' THEN row_data := OLD; ELSE row_data := NEW; END IF;
  -- Erasing the person who uploaded a material: only the link to them goes.
  -- (Nested: NEW.uploaded_by exists only on module_materials.)
  IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'module_materials' THEN
    IF NEW.uploaded_by IS NULL AND (to_jsonb(NEW) - 'uploaded_by') = (to_jsonb(OLD) - 'uploaded_by') THEN
      RETURN NEW;
    END IF;
  END IF;
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
