ALTER TABLE "partner_organisations" ADD CONSTRAINT "partner_organisations_id_municipality_unique" UNIQUE("id","municipality_id");--> statement-breakpoint
CREATE TABLE "credential_status_lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid,
	"purpose" text DEFAULT 'revocation' NOT NULL,
	"size" integer DEFAULT 131072 NOT NULL,
	"next_index" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credential_status_lists_one_per_issuer" UNIQUE NULLS NOT DISTINCT("municipality_id","purpose"),
	CONSTRAINT "credential_status_lists_index_within_size" CHECK ("credential_status_lists"."next_index" >= 0 and "credential_status_lists"."next_index" <= "credential_status_lists"."size"),
	CONSTRAINT "credential_status_lists_purpose_valid" CHECK ("credential_status_lists"."purpose" = 'revocation')
);
--> statement-breakpoint
CREATE TABLE "signing_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid,
	"key_type" text DEFAULT 'Ed25519' NOT NULL,
	"controller" text NOT NULL,
	"public_key_multibase" text NOT NULL,
	"secret_key_multibase" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone,
	CONSTRAINT "signing_keys_controller_unique" UNIQUE("controller"),
	CONSTRAINT "signing_keys_key_type_valid" CHECK (key_type in ('Ed25519'))
);
--> statement-breakpoint
CREATE TABLE "ceremonies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"location" text NOT NULL,
	"programme" text DEFAULT '' NOT NULL,
	"activity_id" uuid,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ceremonies_id_municipality_unique" UNIQUE("id","municipality_id"),
	CONSTRAINT "ceremonies_ends_after_start" CHECK ("ceremonies"."ends_at" > "ceremonies"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "coaching_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"placement_id" uuid NOT NULL,
	"author_user_id" text,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "final_presentations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"ceremony_id" uuid NOT NULL,
	"placement_id" uuid NOT NULL,
	"position" integer DEFAULT 1 NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"given_at" timestamp with time zone,
	"marked_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "final_presentations_position_positive" CHECK ("final_presentations"."position" >= 1)
);
--> statement-breakpoint
CREATE TABLE "final_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"placement_id" uuid NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"file_path" text,
	"file_name" text,
	"file_type" text,
	"file_size" integer,
	"status" text DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"assessed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "final_reports_status_valid" CHECK (status in ('draft', 'submitted', 'assessed')),
	CONSTRAINT "final_reports_submitted_has_date" CHECK (("final_reports"."status" = 'draft') = ("final_reports"."submitted_at" is null)),
	CONSTRAINT "final_reports_assessed_has_date" CHECK (("final_reports"."status" = 'assessed') = ("final_reports"."assessed_at" is not null)),
	CONSTRAINT "final_reports_file_complete" CHECK (("final_reports"."file_path" is null) = ("final_reports"."file_name" is null) and ("final_reports"."file_path" is null) = ("final_reports"."file_size" is null))
);
--> statement-breakpoint
CREATE TABLE "placements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"trainee_user_id" text NOT NULL,
	"partner_organisation_id" uuid NOT NULL,
	"supervisor_user_id" text,
	"status" text DEFAULT 'proposed' NOT NULL,
	"handover_at" timestamp with time zone NOT NULL,
	"handover_place" text NOT NULL,
	"proposal_note" text DEFAULT '' NOT NULL,
	"shared_observations" text DEFAULT '' NOT NULL,
	"sharing_consent_id" uuid,
	"shared_at" timestamp with time zone,
	"proposed_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_by" text,
	"answered_at" timestamp with time zone,
	"decline_reason" text,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"end_reason" text,
	"answer_overdue_mailed_at" timestamp with time zone,
	"quiet_mailed_for" timestamp with time zone,
	"quiet_mailed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "placements_id_municipality_unique" UNIQUE("id","municipality_id"),
	CONSTRAINT "placements_status_valid" CHECK (status in ('proposed', 'declined', 'withdrawn', 'active', 'completed', 'ended')),
	CONSTRAINT "placements_answered_unless_proposed" CHECK (("placements"."status" in ('proposed', 'withdrawn')) or "placements"."answered_at" is not null),
	CONSTRAINT "placements_declined_has_reason" CHECK ("placements"."status" <> 'declined' or length(trim(coalesce("placements"."decline_reason", ''))) > 0),
	CONSTRAINT "placements_started_when_accepted" CHECK (("placements"."status" in ('active', 'completed', 'ended')) = ("placements"."started_at" is not null)),
	CONSTRAINT "placements_ended_has_date" CHECK (("placements"."status" in ('completed', 'ended', 'withdrawn', 'declined')) = ("placements"."ended_at" is not null)),
	CONSTRAINT "placements_ended_early_has_reason" CHECK ("placements"."status" <> 'ended' or length(trim(coalesce("placements"."end_reason", ''))) > 0),
	CONSTRAINT "placements_accepted_after_sharing" CHECK ("placements"."status" not in ('active', 'completed', 'ended') or "placements"."shared_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "practice_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"placement_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"idea" text NOT NULL,
	"goal" text NOT NULL,
	"target_group" text NOT NULL,
	"changes_requested" text,
	"submitted_at" timestamp with time zone,
	"approved_by" text,
	"approved_at" timestamp with time zone,
	"evaluation_turnout" integer,
	"evaluation_went_well" text,
	"evaluation_do_differently" text,
	"evaluated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "practice_activities_activity_id_unique" UNIQUE("activity_id"),
	CONSTRAINT "practice_activities_turnout_nonnegative" CHECK ("practice_activities"."evaluation_turnout" is null or "practice_activities"."evaluation_turnout" between 0 and 100000),
	CONSTRAINT "practice_activities_evaluation_complete" CHECK (("practice_activities"."evaluated_at" is null) = ("practice_activities"."evaluation_turnout" is null) and ("practice_activities"."evaluated_at" is null) = ("practice_activities"."evaluation_went_well" is null))
);
--> statement-breakpoint
CREATE TABLE "practice_hours" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"placement_id" uuid NOT NULL,
	"trainee_user_id" text NOT NULL,
	"kind" text DEFAULT 'placement' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"description" text NOT NULL,
	"learning_goal_id" uuid,
	"status" text DEFAULT 'submitted' NOT NULL,
	"guard_warnings" text[] DEFAULT '{}'::text[] NOT NULL,
	"guard_confirmed_by" text,
	"guard_confirmed_at" timestamp with time zone,
	"return_comment" text,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "practice_hours_kind_valid" CHECK (kind in ('placement', 'activity_preparation', 'activity')),
	CONSTRAINT "practice_hours_status_valid" CHECK (status in ('submitted', 'signed_off', 'returned')),
	CONSTRAINT "practice_hours_ends_after_start" CHECK ("practice_hours"."ends_at" > "practice_hours"."starts_at"),
	CONSTRAINT "practice_hours_at_most_twelve_hours" CHECK ("practice_hours"."ends_at" - "practice_hours"."starts_at" <= interval '12 hours'),
	CONSTRAINT "practice_hours_returned_has_comment" CHECK ("practice_hours"."status" <> 'returned' or length(trim(coalesce("practice_hours"."return_comment", ''))) > 0),
	CONSTRAINT "practice_hours_reviewed_has_date" CHECK (("practice_hours"."status" = 'submitted') = ("practice_hours"."reviewed_at" is null)),
	CONSTRAINT "practice_hours_guard_confirmed_before_sign_off" CHECK ("practice_hours"."status" <> 'signed_off' or cardinality("practice_hours"."guard_warnings") = 0 or "practice_hours"."guard_confirmed_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "programme_settings" (
	"municipality_id" uuid PRIMARY KEY NOT NULL,
	"handover_during_course" boolean DEFAULT false NOT NULL,
	"handover_answer_days" integer DEFAULT 10 NOT NULL,
	"placement_quiet_days" integer DEFAULT 28 NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_settings_answer_days_range" CHECK ("programme_settings"."handover_answer_days" between 1 and 60),
	CONSTRAINT "programme_settings_quiet_days_range" CHECK ("programme_settings"."placement_quiet_days" between 7 and 180)
);
--> statement-breakpoint
ALTER TABLE "personal_data_access_log" DROP CONSTRAINT "personal_data_access_log_resource_valid";--> statement-breakpoint
ALTER TABLE "assessment_moments" ADD COLUMN "kind" text DEFAULT 'course' NOT NULL;--> statement-breakpoint
ALTER TABLE "certificates" ADD COLUMN "revoked_by" text;--> statement-breakpoint
ALTER TABLE "certificates" ADD COLUMN "revocation_reason" text;--> statement-breakpoint
ALTER TABLE "certificates" ADD COLUMN "achieved_competences" jsonb;--> statement-breakpoint
ALTER TABLE "certificates" ADD COLUMN "credential" jsonb;--> statement-breakpoint
ALTER TABLE "certificates" ADD COLUMN "status_list_id" uuid;--> statement-breakpoint
ALTER TABLE "certificates" ADD COLUMN "status_list_index" integer;--> statement-breakpoint
ALTER TABLE "credential_status_lists" ADD CONSTRAINT "credential_status_lists_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_keys" ADD CONSTRAINT "signing_keys_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ceremonies" ADD CONSTRAINT "ceremonies_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ceremonies" ADD CONSTRAINT "ceremonies_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ceremonies" ADD CONSTRAINT "ceremonies_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_notes" ADD CONSTRAINT "coaching_notes_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_notes" ADD CONSTRAINT "coaching_notes_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_notes" ADD CONSTRAINT "coaching_notes_placement_in_municipality_fk" FOREIGN KEY ("placement_id","municipality_id") REFERENCES "public"."placements"("id","municipality_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "final_presentations" ADD CONSTRAINT "final_presentations_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "final_presentations" ADD CONSTRAINT "final_presentations_marked_by_users_id_fk" FOREIGN KEY ("marked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "final_presentations" ADD CONSTRAINT "final_presentations_ceremony_in_municipality_fk" FOREIGN KEY ("ceremony_id","municipality_id") REFERENCES "public"."ceremonies"("id","municipality_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "final_presentations" ADD CONSTRAINT "final_presentations_placement_in_municipality_fk" FOREIGN KEY ("placement_id","municipality_id") REFERENCES "public"."placements"("id","municipality_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "final_reports" ADD CONSTRAINT "final_reports_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "final_reports" ADD CONSTRAINT "final_reports_placement_in_municipality_fk" FOREIGN KEY ("placement_id","municipality_id") REFERENCES "public"."placements"("id","municipality_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_trainee_user_id_users_id_fk" FOREIGN KEY ("trainee_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_supervisor_user_id_users_id_fk" FOREIGN KEY ("supervisor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_sharing_consent_id_consent_records_id_fk" FOREIGN KEY ("sharing_consent_id") REFERENCES "public"."consent_records"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_partner_in_municipality_fk" FOREIGN KEY ("partner_organisation_id","municipality_id") REFERENCES "public"."partner_organisations"("id","municipality_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_activities" ADD CONSTRAINT "practice_activities_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_activities" ADD CONSTRAINT "practice_activities_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_activities" ADD CONSTRAINT "practice_activities_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_activities" ADD CONSTRAINT "practice_activities_placement_in_municipality_fk" FOREIGN KEY ("placement_id","municipality_id") REFERENCES "public"."placements"("id","municipality_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_hours" ADD CONSTRAINT "practice_hours_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_hours" ADD CONSTRAINT "practice_hours_trainee_user_id_users_id_fk" FOREIGN KEY ("trainee_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_hours" ADD CONSTRAINT "practice_hours_learning_goal_id_learning_goals_id_fk" FOREIGN KEY ("learning_goal_id") REFERENCES "public"."learning_goals"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_hours" ADD CONSTRAINT "practice_hours_guard_confirmed_by_users_id_fk" FOREIGN KEY ("guard_confirmed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_hours" ADD CONSTRAINT "practice_hours_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_hours" ADD CONSTRAINT "practice_hours_placement_in_municipality_fk" FOREIGN KEY ("placement_id","municipality_id") REFERENCES "public"."placements"("id","municipality_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_settings" ADD CONSTRAINT "programme_settings_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_settings" ADD CONSTRAINT "programme_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "signing_keys_one_current_per_issuer" ON "signing_keys" USING btree (coalesce("municipality_id", '00000000-0000-0000-0000-000000000000'::uuid)) WHERE "signing_keys"."retired_at" is null;--> statement-breakpoint
CREATE INDEX "ceremonies_municipality_idx" ON "ceremonies" USING btree ("municipality_id","starts_at");--> statement-breakpoint
CREATE INDEX "coaching_notes_placement_idx" ON "coaching_notes" USING btree ("placement_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "final_presentations_one_per_placement" ON "final_presentations" USING btree ("placement_id");--> statement-breakpoint
CREATE INDEX "final_presentations_ceremony_idx" ON "final_presentations" USING btree ("ceremony_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "final_reports_one_per_placement" ON "final_reports" USING btree ("placement_id");--> statement-breakpoint
CREATE UNIQUE INDEX "placements_one_live_per_trainee" ON "placements" USING btree ("trainee_user_id") WHERE "placements"."status" in ('proposed', 'active');--> statement-breakpoint
CREATE INDEX "placements_municipality_idx" ON "placements" USING btree ("municipality_id","status");--> statement-breakpoint
CREATE INDEX "placements_partner_idx" ON "placements" USING btree ("partner_organisation_id","status");--> statement-breakpoint
CREATE INDEX "placements_supervisor_idx" ON "placements" USING btree ("supervisor_user_id");--> statement-breakpoint
CREATE INDEX "placements_enrolment_idx" ON "placements" USING btree ("enrolment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "practice_activities_one_per_placement" ON "practice_activities" USING btree ("placement_id");--> statement-breakpoint
CREATE INDEX "practice_hours_placement_idx" ON "practice_hours" USING btree ("placement_id","starts_at");--> statement-breakpoint
CREATE INDEX "practice_hours_municipality_idx" ON "practice_hours" USING btree ("municipality_id","status");--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_moments_one_final" ON "assessment_moments" USING btree ("cohort_id") WHERE "assessment_moments"."kind" = 'final';--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_status_list_entry_unique" ON "certificates" USING btree ("status_list_id","status_list_index");--> statement-breakpoint
ALTER TABLE "assessment_moments" ADD CONSTRAINT "assessment_moments_kind_valid" CHECK (kind in ('course', 'final'));--> statement-breakpoint
UPDATE "certificates" SET "revocation_reason" = '-' WHERE "revoked_at" IS NOT NULL AND "revocation_reason" IS NULL;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_revoked_has_reason" CHECK (("certificates"."revoked_at" is null) or length(trim(coalesce("certificates"."revocation_reason", ''))) > 0);--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_citytrainer_has_status_entry" CHECK ("certificates"."kind" <> 'citytrainer' or ("certificates"."status_list_id" is not null and "certificates"."status_list_index" is not null));--> statement-breakpoint
ALTER TABLE "personal_data_access_log" ADD CONSTRAINT "personal_data_access_log_resource_valid" CHECK (resource in ('application', 'intake_notes', 'development_plan', 'attendance', 'assessments', 'enrolment', 'placement', 'practice_hours', 'coaching_notes', 'practice_activity', 'final_report', 'certificate', 'data_export', 'erasure'));