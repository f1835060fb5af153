-- A published version of a municipality's copy names the network version it was taken from
-- (based_on_version_id, ON DELETE SET NULL). When the network deletes that track, the link goes and
-- the copy stays as published: besides the links to people (0008), this one column may become null.
CREATE OR REPLACE FUNCTION refuse_change_to_published_track_version() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- Deleting the whole track (or its municipality) takes its versions along: the track row is gone
  -- by the time the cascade reaches them.
  IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM tracks WHERE id = OLD.track_id) THEN RETURN OLD; END IF;
  IF TG_OP = 'UPDATE' AND OLD.status = 'published'
     AND (NEW.created_by IS NULL OR NEW.created_by IS NOT DISTINCT FROM OLD.created_by)
     AND (NEW.published_by IS NULL OR NEW.published_by IS NOT DISTINCT FROM OLD.published_by)
     AND (NEW.based_on_version_id IS NULL OR NEW.based_on_version_id IS NOT DISTINCT FROM OLD.based_on_version_id)
     AND (to_jsonb(NEW) - 'created_by' - 'published_by' - 'based_on_version_id')
       = (to_jsonb(OLD) - 'created_by' - 'published_by' - 'based_on_version_id') THEN
    RETURN NEW;
  END IF;
  IF OLD.status = 'published' THEN
    RAISE EXCEPTION 'track version % is published and cannot be changed', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
