CREATE TABLE "membership_removals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"role" text NOT NULL,
	"municipality_id" uuid NOT NULL,
	"partner_organisation_id" uuid,
	"removed_by" text,
	"removed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"restored_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "neighbourhood_deletions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"neighbourhood_id" uuid NOT NULL,
	"name" text NOT NULL,
	"activity_ids" uuid[] NOT NULL,
	"deleted_by" text,
	"deleted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"restored_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "municipalities" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "membership_removals" ADD CONSTRAINT "membership_removals_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_removals" ADD CONSTRAINT "membership_removals_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_removals" ADD CONSTRAINT "membership_removals_partner_organisation_id_partner_organisations_id_fk" FOREIGN KEY ("partner_organisation_id") REFERENCES "public"."partner_organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_removals" ADD CONSTRAINT "membership_removals_removed_by_users_id_fk" FOREIGN KEY ("removed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "neighbourhood_deletions" ADD CONSTRAINT "neighbourhood_deletions_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "neighbourhood_deletions" ADD CONSTRAINT "neighbourhood_deletions_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "membership_removals_municipality_idx" ON "membership_removals" USING btree ("municipality_id","removed_at");--> statement-breakpoint
CREATE INDEX "neighbourhood_deletions_municipality_idx" ON "neighbourhood_deletions" USING btree ("municipality_id","deleted_at");--> statement-breakpoint
-- Municipalities that existed before publishing was introduced were public: they stay public.
UPDATE "municipalities" SET "published_at" = "created_at";
