CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cohort_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"date_of_birth" date NOT NULL,
	"neighbourhood_id" uuid,
	"motivation" text NOT NULL,
	"talents" text DEFAULT '' NOT NULL,
	"interests" text DEFAULT '' NOT NULL,
	"availability" text DEFAULT '' NOT NULL,
	"heard_via" text,
	"locale" text DEFAULT 'nl' NOT NULL,
	"age_on_start" integer NOT NULL,
	"needs_guardian_consent" boolean NOT NULL,
	"guardian_name" text,
	"guardian_email" text,
	"confirm_token_hash" text NOT NULL,
	"email_confirmed_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"intake_at" timestamp with time zone,
	"intake_location" text,
	"intake_notes" text DEFAULT '' NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"sequence" bigserial NOT NULL,
	"user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "applications_confirm_token_hash_unique" UNIQUE("confirm_token_hash"),
	CONSTRAINT "applications_status_valid" CHECK (status in ('pending', 'submitted', 'intake_planned', 'admitted', 'waitlisted', 'declined', 'withdrawn')),
	CONSTRAINT "applications_heard_via_valid" CHECK (heard_via is null or heard_via in ('school', 'friends', 'social_media', 'club', 'social_worker', 'municipality', 'other')),
	CONSTRAINT "applications_locale_valid" CHECK ("applications"."locale" in ('nl', 'en')),
	CONSTRAINT "applications_age_valid" CHECK ("applications"."age_on_start" between 0 and 130),
	CONSTRAINT "applications_guardian_when_needed" CHECK (not "applications"."needs_guardian_consent" or ("applications"."guardian_name" is not null and "applications"."guardian_email" is not null))
);
--> statement-breakpoint
CREATE TABLE "assessment_moments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cohort_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"planned_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_moments_position_unique" UNIQUE("cohort_id","position")
);
--> statement-breakpoint
CREATE TABLE "assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"moment_id" uuid NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"competence_id" uuid NOT NULL,
	"level" integer NOT NULL,
	"narrative" text DEFAULT '' NOT NULL,
	"assessed_by" text,
	"assessed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessments_one_per_competence" UNIQUE("moment_id","enrolment_id","competence_id")
);
--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"user_id" text PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_feeds_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enrolment_id" uuid,
	"municipality_id" uuid NOT NULL,
	"user_id" text,
	"kind" text NOT NULL,
	"verification_code" text NOT NULL,
	"holder_name" text NOT NULL,
	"track_name" text NOT NULL,
	"cohort_name" text NOT NULL,
	"municipality_name" text NOT NULL,
	"course_started_on" date NOT NULL,
	"course_ended_on" date NOT NULL,
	"issued_by" text,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "certificates_verification_code_unique" UNIQUE("verification_code"),
	CONSTRAINT "certificates_kind_valid" CHECK (kind in ('participation', 'citytrainer')),
	CONSTRAINT "certificates_code_format" CHECK ("certificates"."verification_code" ~ '^[A-Z0-9]{4}(-[A-Z0-9]{4}){2}$')
);
--> statement-breakpoint
CREATE TABLE "cohort_course_leaders" (
	"cohort_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"municipality_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cohort_course_leaders_cohort_id_user_id_pk" PRIMARY KEY("cohort_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "cohort_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cohort_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"module_id" uuid,
	"title" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"location" text NOT NULL,
	"reminders_sent_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cohort_sessions_kind_valid" CHECK (kind in ('meeting', 'follow_up')),
	CONSTRAINT "cohort_sessions_ends_after_start" CHECK ("cohort_sessions"."ends_at" > "cohort_sessions"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "cohorts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"track_version_id" uuid NOT NULL,
	"name" text NOT NULL,
	"location" text NOT NULL,
	"max_size" integer DEFAULT 15 NOT NULL,
	"admitted_count" integer DEFAULT 0 NOT NULL,
	"starts_on" date NOT NULL,
	"applications_open_on" date NOT NULL,
	"applications_close_on" date NOT NULL,
	"published_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cohorts_id_municipality_unique" UNIQUE("id","municipality_id"),
	CONSTRAINT "cohorts_max_size_valid" CHECK ("cohorts"."max_size" between 1 and 100),
	CONSTRAINT "cohorts_admitted_within_max" CHECK ("cohorts"."admitted_count" >= 0 and "cohorts"."admitted_count" <= "cohorts"."max_size"),
	CONSTRAINT "cohorts_application_period_valid" CHECK ("cohorts"."applications_close_on" >= "cohorts"."applications_open_on")
);
--> statement-breakpoint
CREATE TABLE "competence_levels" (
	"competence_id" uuid NOT NULL,
	"level" integer NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	CONSTRAINT "competence_levels_competence_id_level_pk" PRIMARY KEY("competence_id","level"),
	CONSTRAINT "competence_levels_level_range" CHECK ("competence_levels"."level" between 1 and 10)
);
--> statement-breakpoint
CREATE TABLE "development_plan_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"part" text NOT NULL,
	"previous_value" text,
	"new_value" text,
	"changed_by" text,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "development_plans" (
	"enrolment_id" uuid PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"own_talent" text DEFAULT '' NOT NULL,
	"own_story" text DEFAULT '' NOT NULL,
	"challenges" text DEFAULT '' NOT NULL,
	"observations" text DEFAULT '' NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enrolments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cohort_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"application_id" uuid,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone,
	CONSTRAINT "enrolments_one_per_person" UNIQUE("cohort_id","user_id"),
	CONSTRAINT "enrolments_status_valid" CHECK (status in ('active', 'withdrawn', 'completed'))
);
--> statement-breakpoint
CREATE TABLE "learning_goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"description" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "learning_goals_status_valid" CHECK (status in ('open', 'working_on', 'achieved', 'dropped'))
);
--> statement-breakpoint
CREATE TABLE "module_materials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"module_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "module_materials_size_positive" CHECK ("module_materials"."byte_size" > 0)
);
--> statement-breakpoint
CREATE TABLE "session_attendance" (
	"session_id" uuid NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"status" text NOT NULL,
	"is_late" boolean DEFAULT false NOT NULL,
	"recorded_by" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "session_attendance_session_id_enrolment_id_pk" PRIMARY KEY("session_id","enrolment_id"),
	CONSTRAINT "session_attendance_status_valid" CHECK (status in ('present', 'absent_with_notice', 'absent')),
	CONSTRAINT "session_attendance_late_only_when_present" CHECK (not "session_attendance"."is_late" or "session_attendance"."status" = 'present')
);
--> statement-breakpoint
CREATE TABLE "track_competences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"track_version_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"key" uuid DEFAULT gen_random_uuid() NOT NULL,
	CONSTRAINT "track_competences_position_unique" UNIQUE("track_version_id","position"),
	CONSTRAINT "track_competences_key_unique" UNIQUE("track_version_id","key"),
	CONSTRAINT "track_competences_position_positive" CHECK ("track_competences"."position" >= 1)
);
--> statement-breakpoint
CREATE TABLE "track_modules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"track_version_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"goal" text DEFAULT '' NOT NULL,
	"content" text DEFAULT '' NOT NULL,
	"origin" text DEFAULT 'network' NOT NULL,
	"key" uuid DEFAULT gen_random_uuid() NOT NULL,
	CONSTRAINT "track_modules_position_unique" UNIQUE("track_version_id","position"),
	CONSTRAINT "track_modules_key_unique" UNIQUE("track_version_id","key"),
	CONSTRAINT "track_modules_origin_valid" CHECK (origin in ('network', 'own'))
);
--> statement-breakpoint
CREATE TABLE "track_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"track_id" uuid NOT NULL,
	"municipality_id" uuid,
	"version" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"min_age" integer DEFAULT 14 NOT NULL,
	"max_age" integer,
	"guardian_consent_below_age" integer DEFAULT 16 NOT NULL,
	"meeting_count" integer DEFAULT 7 NOT NULL,
	"meeting_minutes" integer DEFAULT 150 NOT NULL,
	"follow_up_days" integer DEFAULT 2 NOT NULL,
	"follow_up_minutes" integer DEFAULT 240 NOT NULL,
	"practice_hours_target" integer DEFAULT 15 NOT NULL,
	"completion_min_meetings" integer DEFAULT 6 NOT NULL,
	"completion_requires_assessments" boolean DEFAULT true NOT NULL,
	"based_on_version_id" uuid,
	"change_note" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" text,
	CONSTRAINT "track_versions_number_unique" UNIQUE("track_id","version"),
	CONSTRAINT "track_versions_status_valid" CHECK (status in ('draft', 'published')),
	CONSTRAINT "track_versions_published_has_date" CHECK (("track_versions"."status" = 'published') = ("track_versions"."published_at" is not null)),
	CONSTRAINT "track_versions_ages_valid" CHECK ("track_versions"."min_age" between 6 and 120 and ("track_versions"."max_age" is null or "track_versions"."max_age" between "track_versions"."min_age" and 120) and "track_versions"."guardian_consent_below_age" between 0 and 18),
	CONSTRAINT "track_versions_numbers_valid" CHECK ("track_versions"."meeting_count" between 1 and 50 and "track_versions"."meeting_minutes" between 15 and 600 and "track_versions"."follow_up_days" between 0 and 20
        and "track_versions"."follow_up_minutes" between 0 and 720 and "track_versions"."practice_hours_target" between 0 and 500
        and "track_versions"."completion_min_meetings" between 0 and "track_versions"."meeting_count"),
	CONSTRAINT "track_versions_version_positive" CHECK ("track_versions"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "tracks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid,
	"adopted_from_track_id" uuid,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "tracks_copy_belongs_to_municipality" CHECK ("tracks"."adopted_from_track_id" is null or "tracks"."municipality_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "consent_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid,
	"purpose" text NOT NULL,
	"legal_basis" text NOT NULL,
	"subject_user_id" text,
	"subject_application_id" uuid,
	"given_by" text NOT NULL,
	"giver_name" text NOT NULL,
	"giver_email" text NOT NULL,
	"text_version" text NOT NULL,
	"evidence" text,
	"status" text DEFAULT 'requested' NOT NULL,
	"token_hash" text,
	"locale" text DEFAULT 'nl' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	CONSTRAINT "consent_records_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "consent_records_purpose_valid" CHECK (purpose in ('course_application', 'handover_sharing', 'photos', 'research')),
	CONSTRAINT "consent_records_legal_basis_valid" CHECK (legal_basis in ('consent', 'contract', 'legitimate_interest', 'public_task')),
	CONSTRAINT "consent_records_given_by_valid" CHECK (given_by in ('self', 'guardian')),
	CONSTRAINT "consent_records_status_valid" CHECK (status in ('requested', 'given', 'refused', 'withdrawn')),
	CONSTRAINT "consent_records_has_subject" CHECK ("consent_records"."subject_user_id" is not null or "consent_records"."subject_application_id" is not null),
	CONSTRAINT "consent_records_answered_has_date" CHECK (("consent_records"."status" = 'requested') = ("consent_records"."answered_at" is null)),
	CONSTRAINT "consent_records_withdrawn_has_date" CHECK (("consent_records"."status" = 'withdrawn') = ("consent_records"."withdrawn_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "erasure_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"handled_by" text,
	"handled_at" timestamp with time zone,
	"handler_note" text DEFAULT '' NOT NULL,
	CONSTRAINT "erasure_requests_status_valid" CHECK (status in ('pending', 'completed', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "personal_data_access_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"municipality_id" uuid,
	"actor_user_id" text,
	"actor_role" text NOT NULL,
	"subject_user_id" text,
	"subject_application_id" uuid,
	"resource" text NOT NULL,
	"action" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "personal_data_access_log_resource_valid" CHECK (resource in ('application', 'intake_notes', 'development_plan', 'attendance', 'assessments', 'enrolment', 'data_export', 'erasure')),
	CONSTRAINT "personal_data_access_log_action_valid" CHECK (action in ('view', 'change', 'export', 'erase'))
);
--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_neighbourhood_id_neighbourhoods_id_fk" FOREIGN KEY ("neighbourhood_id") REFERENCES "public"."neighbourhoods"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_cohort_in_municipality_fk" FOREIGN KEY ("cohort_id","municipality_id") REFERENCES "public"."cohorts"("id","municipality_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_moments" ADD CONSTRAINT "assessment_moments_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_moments" ADD CONSTRAINT "assessment_moments_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_moment_id_assessment_moments_id_fk" FOREIGN KEY ("moment_id") REFERENCES "public"."assessment_moments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_competence_id_track_competences_id_fk" FOREIGN KEY ("competence_id") REFERENCES "public"."track_competences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_assessed_by_users_id_fk" FOREIGN KEY ("assessed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_level_in_rubric_fk" FOREIGN KEY ("competence_id","level") REFERENCES "public"."competence_levels"("competence_id","level") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_course_leaders" ADD CONSTRAINT "cohort_course_leaders_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_course_leaders" ADD CONSTRAINT "cohort_course_leaders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_course_leaders" ADD CONSTRAINT "cohort_course_leaders_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_sessions" ADD CONSTRAINT "cohort_sessions_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_sessions" ADD CONSTRAINT "cohort_sessions_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_sessions" ADD CONSTRAINT "cohort_sessions_module_id_track_modules_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."track_modules"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohorts" ADD CONSTRAINT "cohorts_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohorts" ADD CONSTRAINT "cohorts_track_version_id_track_versions_id_fk" FOREIGN KEY ("track_version_id") REFERENCES "public"."track_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohorts" ADD CONSTRAINT "cohorts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_levels" ADD CONSTRAINT "competence_levels_competence_id_track_competences_id_fk" FOREIGN KEY ("competence_id") REFERENCES "public"."track_competences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_plan_changes" ADD CONSTRAINT "development_plan_changes_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_plan_changes" ADD CONSTRAINT "development_plan_changes_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_plan_changes" ADD CONSTRAINT "development_plan_changes_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_plans" ADD CONSTRAINT "development_plans_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_plans" ADD CONSTRAINT "development_plans_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_plans" ADD CONSTRAINT "development_plans_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_cohort_in_municipality_fk" FOREIGN KEY ("cohort_id","municipality_id") REFERENCES "public"."cohorts"("id","municipality_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_goals" ADD CONSTRAINT "learning_goals_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_goals" ADD CONSTRAINT "learning_goals_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "module_materials" ADD CONSTRAINT "module_materials_module_id_track_modules_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."track_modules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "module_materials" ADD CONSTRAINT "module_materials_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_attendance" ADD CONSTRAINT "session_attendance_session_id_cohort_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."cohort_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_attendance" ADD CONSTRAINT "session_attendance_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_attendance" ADD CONSTRAINT "session_attendance_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_attendance" ADD CONSTRAINT "session_attendance_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "track_competences" ADD CONSTRAINT "track_competences_track_version_id_track_versions_id_fk" FOREIGN KEY ("track_version_id") REFERENCES "public"."track_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "track_modules" ADD CONSTRAINT "track_modules_track_version_id_track_versions_id_fk" FOREIGN KEY ("track_version_id") REFERENCES "public"."track_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "track_versions" ADD CONSTRAINT "track_versions_track_id_tracks_id_fk" FOREIGN KEY ("track_id") REFERENCES "public"."tracks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "track_versions" ADD CONSTRAINT "track_versions_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "track_versions" ADD CONSTRAINT "track_versions_based_on_version_id_track_versions_id_fk" FOREIGN KEY ("based_on_version_id") REFERENCES "public"."track_versions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "track_versions" ADD CONSTRAINT "track_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "track_versions" ADD CONSTRAINT "track_versions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracks" ADD CONSTRAINT "tracks_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracks" ADD CONSTRAINT "tracks_adopted_from_track_id_tracks_id_fk" FOREIGN KEY ("adopted_from_track_id") REFERENCES "public"."tracks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracks" ADD CONSTRAINT "tracks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_records" ADD CONSTRAINT "consent_records_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_records" ADD CONSTRAINT "consent_records_subject_user_id_users_id_fk" FOREIGN KEY ("subject_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_records" ADD CONSTRAINT "consent_records_subject_application_id_applications_id_fk" FOREIGN KEY ("subject_application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "erasure_requests" ADD CONSTRAINT "erasure_requests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "erasure_requests" ADD CONSTRAINT "erasure_requests_handled_by_users_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personal_data_access_log" ADD CONSTRAINT "personal_data_access_log_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personal_data_access_log" ADD CONSTRAINT "personal_data_access_log_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personal_data_access_log" ADD CONSTRAINT "personal_data_access_log_subject_user_id_users_id_fk" FOREIGN KEY ("subject_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personal_data_access_log" ADD CONSTRAINT "personal_data_access_log_application_fk" FOREIGN KEY ("subject_application_id") REFERENCES "public"."applications"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "applications_cohort_idx" ON "applications" USING btree ("cohort_id","status","sequence");--> statement-breakpoint
CREATE INDEX "applications_municipality_idx" ON "applications" USING btree ("municipality_id");--> statement-breakpoint
CREATE INDEX "applications_expiry_idx" ON "applications" USING btree ("expires_at") WHERE "applications"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "applications_user_idx" ON "applications" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_live_email_unique" ON "applications" USING btree ("cohort_id","email") WHERE "applications"."status" not in ('declined', 'withdrawn');--> statement-breakpoint
CREATE INDEX "assessments_enrolment_idx" ON "assessments" USING btree ("enrolment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_one_per_kind" ON "certificates" USING btree ("enrolment_id","kind");--> statement-breakpoint
CREATE INDEX "certificates_user_idx" ON "certificates" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "cohort_course_leaders_user_idx" ON "cohort_course_leaders" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "cohort_sessions_cohort_idx" ON "cohort_sessions" USING btree ("cohort_id","starts_at");--> statement-breakpoint
CREATE INDEX "cohort_sessions_reminder_idx" ON "cohort_sessions" USING btree ("starts_at") WHERE "cohort_sessions"."reminders_sent_at" is null;--> statement-breakpoint
CREATE INDEX "cohorts_municipality_idx" ON "cohorts" USING btree ("municipality_id","starts_on");--> statement-breakpoint
CREATE INDEX "development_plan_changes_enrolment_idx" ON "development_plan_changes" USING btree ("enrolment_id","changed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "enrolments_application_unique" ON "enrolments" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "enrolments_user_idx" ON "enrolments" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "learning_goals_enrolment_idx" ON "learning_goals" USING btree ("enrolment_id","position");--> statement-breakpoint
CREATE INDEX "module_materials_module_idx" ON "module_materials" USING btree ("module_id");--> statement-breakpoint
CREATE INDEX "session_attendance_enrolment_idx" ON "session_attendance" USING btree ("enrolment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "track_versions_one_draft" ON "track_versions" USING btree ("track_id") WHERE "track_versions"."status" = 'draft';--> statement-breakpoint
CREATE INDEX "track_versions_municipality_idx" ON "track_versions" USING btree ("municipality_id");--> statement-breakpoint
CREATE INDEX "tracks_municipality_idx" ON "tracks" USING btree ("municipality_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tracks_adopted_once" ON "tracks" USING btree ("municipality_id","adopted_from_track_id");--> statement-breakpoint
CREATE INDEX "consent_records_user_idx" ON "consent_records" USING btree ("subject_user_id");--> statement-breakpoint
CREATE INDEX "consent_records_application_idx" ON "consent_records" USING btree ("subject_application_id");--> statement-breakpoint
CREATE INDEX "erasure_requests_status_idx" ON "erasure_requests" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "personal_data_access_log_municipality_idx" ON "personal_data_access_log" USING btree ("municipality_id","at");--> statement-breakpoint
CREATE INDEX "personal_data_access_log_subject_idx" ON "personal_data_access_log" USING btree ("subject_user_id","at");--> statement-breakpoint
CREATE INDEX "personal_data_access_log_application_idx" ON "personal_data_access_log" USING btree ("subject_application_id");