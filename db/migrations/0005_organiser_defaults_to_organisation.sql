ALTER TABLE "activities" ALTER COLUMN "organiser_name" DROP NOT NULL;--> statement-breakpoint
-- The staff form used to pre-fill the organiser with the author's own name; where it was left
-- that way, the public calendar now names the partner organisation or the municipality instead.
UPDATE "activities" SET "organiser_name" = NULL
WHERE "organiser_name" = (SELECT "name" FROM "users" WHERE "users"."id" = "activities"."created_by");
