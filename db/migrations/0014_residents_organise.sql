CREATE TABLE "budget_ledger" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"pot_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"request_id" uuid,
	"kind" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_ledger_kind_valid" CHECK (kind in ('fund', 'reserve', 'release', 'spend')),
	CONSTRAINT "budget_ledger_request_unless_fund" CHECK (("budget_ledger"."kind" = 'fund') = ("budget_ledger"."request_id" is null)),
	CONSTRAINT "budget_ledger_amount_nonnegative_unless_fund" CHECK ("budget_ledger"."kind" = 'fund' or "budget_ledger"."amount_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "budget_pots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"neighbourhood_id" uuid,
	"name" text NOT NULL,
	"year" integer NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"amount_cents" bigint NOT NULL,
	"max_per_request_cents" bigint NOT NULL,
	"auto_approve_up_to_cents" bigint,
	"eligible" text DEFAULT 'both' NOT NULL,
	"committed_cents" bigint DEFAULT 0 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_pots_id_municipality_unique" UNIQUE("id","municipality_id"),
	CONSTRAINT "budget_pots_eligible_valid" CHECK (eligible in ('citytrainers', 'teams', 'both')),
	CONSTRAINT "budget_pots_amount_range" CHECK ("budget_pots"."amount_cents" between 0 and 100000000000),
	CONSTRAINT "budget_pots_max_per_request_range" CHECK ("budget_pots"."max_per_request_cents" between 1 and "budget_pots"."amount_cents"),
	CONSTRAINT "budget_pots_auto_approve_range" CHECK ("budget_pots"."auto_approve_up_to_cents" is null or "budget_pots"."auto_approve_up_to_cents" between 1 and "budget_pots"."max_per_request_cents"),
	CONSTRAINT "budget_pots_period_valid" CHECK ("budget_pots"."ends_on" >= "budget_pots"."starts_on"),
	CONSTRAINT "budget_pots_year_range" CHECK ("budget_pots"."year" between 2000 and 2100),
	CONSTRAINT "budget_pots_committed_within_amount" CHECK ("budget_pots"."committed_cents" between 0 and "budget_pots"."amount_cents")
);
--> statement-breakpoint
CREATE TABLE "budget_receipts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"file_key" text NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"original_name" text DEFAULT '' NOT NULL,
	"uploaded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_receipts_content_type_valid" CHECK ("budget_receipts"."content_type" in ('image/jpeg', 'image/png', 'image/webp', 'application/pdf'))
);
--> statement-breakpoint
CREATE TABLE "budget_request_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"description" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	CONSTRAINT "budget_request_lines_position_unique" UNIQUE("request_id","position"),
	CONSTRAINT "budget_request_lines_amount_positive" CHECK ("budget_request_lines"."amount_cents" between 1 and 100000000000),
	CONSTRAINT "budget_request_lines_description_not_blank" CHECK (length(trim("budget_request_lines"."description")) between 1 and 200)
);
--> statement-breakpoint
CREATE TABLE "budget_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"pot_id" uuid NOT NULL,
	"activity_id" uuid,
	"team_id" uuid,
	"requested_by" text,
	"idempotency_key" text NOT NULL,
	"purpose" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"granted_cents" bigint,
	"auto_approved" boolean DEFAULT false NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"decline_reason" text,
	"spent_cents" bigint,
	"settlement_note" text,
	"settlement_submitted_at" timestamp with time zone,
	"overspend_accepted" boolean DEFAULT false NOT NULL,
	"settled_by" text,
	"settled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_requests_id_municipality_unique" UNIQUE("id","municipality_id"),
	CONSTRAINT "budget_requests_status_valid" CHECK (status in ('submitted', 'approved', 'declined', 'withdrawn', 'settlement_submitted', 'settled')),
	CONSTRAINT "budget_requests_amount_positive" CHECK ("budget_requests"."amount_cents" between 1 and 100000000000),
	CONSTRAINT "budget_requests_purpose_not_blank" CHECK (length(trim("budget_requests"."purpose")) between 1 and 2000),
	CONSTRAINT "budget_requests_granted_when_approved" CHECK (("budget_requests"."status" in ('approved', 'settlement_submitted', 'settled')) = ("budget_requests"."granted_cents" is not null)),
	CONSTRAINT "budget_requests_granted_within_request" CHECK ("budget_requests"."granted_cents" is null or "budget_requests"."granted_cents" between 1 and "budget_requests"."amount_cents"),
	CONSTRAINT "budget_requests_declined_has_reason" CHECK ("budget_requests"."status" <> 'declined' or length(trim(coalesce("budget_requests"."decline_reason", ''))) > 0),
	CONSTRAINT "budget_requests_decided_has_date" CHECK ("budget_requests"."status" in ('submitted', 'withdrawn') or "budget_requests"."decided_at" is not null),
	CONSTRAINT "budget_requests_spent_when_settling" CHECK (("budget_requests"."status" in ('settlement_submitted', 'settled')) = ("budget_requests"."spent_cents" is not null)),
	CONSTRAINT "budget_requests_spent_within_granted" CHECK ("budget_requests"."spent_cents" is null or "budget_requests"."spent_cents" >= 0 and ("budget_requests"."spent_cents" <= "budget_requests"."granted_cents" or ("budget_requests"."status" = 'settled' and "budget_requests"."overspend_accepted"))),
	CONSTRAINT "budget_requests_settled_has_date" CHECK (("budget_requests"."status" = 'settled') = ("budget_requests"."settled_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "action_point_votes" (
	"action_point_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"vote" text NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "action_point_votes_action_point_id_user_id_pk" PRIMARY KEY("action_point_id","user_id"),
	CONSTRAINT "action_point_votes_vote_valid" CHECK (vote in ('agree', 'object'))
);
--> statement-breakpoint
CREATE TABLE "action_points" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"proposed_by" text,
	"what" text NOT NULL,
	"why" text NOT NULL,
	"due_on" date NOT NULL,
	"decide_by" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"decided_at" timestamp with time zone,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "action_points_id_municipality_unique" UNIQUE("id","municipality_id"),
	CONSTRAINT "action_points_status_valid" CHECK (status in ('open', 'agreed', 'not_agreed', 'done', 'withdrawn')),
	CONSTRAINT "action_points_what_not_blank" CHECK (length(trim("action_points"."what")) between 1 and 200),
	CONSTRAINT "action_points_decided_has_date" CHECK (("action_points"."status" = 'open') = ("action_points"."decided_at" is null)),
	CONSTRAINT "action_points_done_has_date" CHECK (("action_points"."status" = 'done') = ("action_points"."done_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "team_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"email" text,
	"token_hash" text NOT NULL,
	"invited_by" text,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_by" text,
	"accepted_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_invitations_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "team_invitations_accepted_has_person" CHECK (("team_invitations"."accepted_at" is null) or "team_invitations"."email" is null or "team_invitations"."accepted_by" is not null)
);
--> statement-breakpoint
CREATE TABLE "team_members" (
	"team_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"is_key_figure" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"left_at" timestamp with time zone,
	CONSTRAINT "team_members_team_id_user_id_pk" PRIMARY KEY("team_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"neighbourhood_id" uuid,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"is_junior" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"is_public" boolean DEFAULT false NOT NULL,
	"proposed_by" text,
	"confirmed_by" text,
	"confirmed_at" timestamp with time zone,
	"decline_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "teams_id_municipality_unique" UNIQUE("id","municipality_id"),
	CONSTRAINT "teams_status_valid" CHECK (status in ('proposed', 'active', 'declined', 'archived')),
	CONSTRAINT "teams_name_not_blank" CHECK (length(trim("teams"."name")) between 1 and 120),
	CONSTRAINT "teams_confirmed_when_active" CHECK ("teams"."status" <> 'active' or "teams"."confirmed_at" is not null),
	CONSTRAINT "teams_declined_has_reason" CHECK ("teams"."status" <> 'declined' or length(trim(coalesce("teams"."decline_reason", ''))) > 0)
);
--> statement-breakpoint
CREATE TABLE "activity_co_organisers" (
	"activity_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"added_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activity_co_organisers_activity_id_user_id_pk" PRIMARY KEY("activity_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "activity_evaluations" (
	"activity_id" uuid PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"turnout" integer NOT NULL,
	"first_time_count" integer NOT NULL,
	"went_well" text NOT NULL,
	"do_differently" text NOT NULL,
	"evaluated_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activity_evaluations_turnout_range" CHECK ("activity_evaluations"."turnout" between 0 and 100000),
	CONSTRAINT "activity_evaluations_first_time_range" CHECK ("activity_evaluations"."first_time_count" between 0 and "activity_evaluations"."turnout")
);
--> statement-breakpoint
CREATE TABLE "activity_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"sent_by" text,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"recipient_count" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activity_messages_subject_length" CHECK (length(trim("activity_messages"."subject")) between 1 and 120),
	CONSTRAINT "activity_messages_body_length" CHECK (length(trim("activity_messages"."body")) between 1 and 2000),
	CONSTRAINT "activity_messages_recipients_nonnegative" CHECK ("activity_messages"."recipient_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "activity_photo_subjects" (
	"photo_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"consent_id" uuid NOT NULL,
	CONSTRAINT "activity_photo_subjects_photo_id_registration_id_pk" PRIMARY KEY("photo_id","registration_id")
);
--> statement-breakpoint
CREATE TABLE "activity_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"file_key" text NOT NULL,
	"visibility" text DEFAULT 'internal' NOT NULL,
	"caption" text DEFAULT '' NOT NULL,
	"uploaded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activity_photos_id_municipality_unique" UNIQUE("id","municipality_id"),
	CONSTRAINT "activity_photos_visibility_valid" CHECK (visibility in ('internal', 'public'))
);
--> statement-breakpoint
CREATE TABLE "invite_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"code" text NOT NULL,
	"owner_user_id" text,
	"team_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "invite_links_code_unique" UNIQUE("code"),
	CONSTRAINT "invite_links_one_owner" CHECK (("invite_links"."owner_user_id" is null) <> ("invite_links"."team_id" is null)),
	CONSTRAINT "invite_links_code_format" CHECK ("invite_links"."code" ~ '^[A-Za-z0-9_-]{6,32}$')
);
--> statement-breakpoint
CREATE TABLE "organised_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"organiser_user_id" text,
	"team_id" uuid,
	"idea" text NOT NULL,
	"goal" text NOT NULL,
	"target_group" text NOT NULL,
	"changes_requested" text,
	"submitted_at" timestamp with time zone,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"published_without_review_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organised_activities_activity_id_unique" UNIQUE("activity_id"),
	CONSTRAINT "organised_activities_activity_municipality_unique" UNIQUE("activity_id","municipality_id")
);
--> statement-breakpoint
CREATE TABLE "organiser_trust" (
	"municipality_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"trust" text NOT NULL,
	"set_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organiser_trust_municipality_id_user_id_pk" PRIMARY KEY("municipality_id","user_id"),
	CONSTRAINT "organiser_trust_valid" CHECK (trust in ('trusted', 'not_trusted'))
);
--> statement-breakpoint
CREATE TABLE "registration_referrals" (
	"registration_id" uuid PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"invite_link_id" uuid NOT NULL,
	"is_new_to_platform" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_id_municipality_unique" UNIQUE("id","municipality_id");--> statement-breakpoint
ALTER TABLE "consent_records" DROP CONSTRAINT "consent_records_has_subject";--> statement-breakpoint
ALTER TABLE "personal_data_access_log" DROP CONSTRAINT "personal_data_access_log_resource_valid";--> statement-breakpoint
ALTER TABLE "consent_records" ADD COLUMN "subject_registration_id" uuid;--> statement-breakpoint
ALTER TABLE "programme_settings" ADD COLUMN "certified_publish_directly" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "budget_ledger" ADD CONSTRAINT "budget_ledger_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_ledger" ADD CONSTRAINT "budget_ledger_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_ledger" ADD CONSTRAINT "budget_ledger_pot_in_municipality_fk" FOREIGN KEY ("pot_id","municipality_id") REFERENCES "public"."budget_pots"("id","municipality_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_ledger" ADD CONSTRAINT "budget_ledger_request_in_municipality_fk" FOREIGN KEY ("request_id","municipality_id") REFERENCES "public"."budget_requests"("id","municipality_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_pots" ADD CONSTRAINT "budget_pots_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_pots" ADD CONSTRAINT "budget_pots_neighbourhood_id_neighbourhoods_id_fk" FOREIGN KEY ("neighbourhood_id") REFERENCES "public"."neighbourhoods"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_pots" ADD CONSTRAINT "budget_pots_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_receipts" ADD CONSTRAINT "budget_receipts_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_receipts" ADD CONSTRAINT "budget_receipts_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_receipts" ADD CONSTRAINT "budget_receipts_request_in_municipality_fk" FOREIGN KEY ("request_id","municipality_id") REFERENCES "public"."budget_requests"("id","municipality_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_request_lines" ADD CONSTRAINT "budget_request_lines_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_request_lines" ADD CONSTRAINT "budget_request_lines_request_in_municipality_fk" FOREIGN KEY ("request_id","municipality_id") REFERENCES "public"."budget_requests"("id","municipality_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_requests" ADD CONSTRAINT "budget_requests_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_requests" ADD CONSTRAINT "budget_requests_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_requests" ADD CONSTRAINT "budget_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_requests" ADD CONSTRAINT "budget_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_requests" ADD CONSTRAINT "budget_requests_settled_by_users_id_fk" FOREIGN KEY ("settled_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_requests" ADD CONSTRAINT "budget_requests_pot_in_municipality_fk" FOREIGN KEY ("pot_id","municipality_id") REFERENCES "public"."budget_pots"("id","municipality_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_requests" ADD CONSTRAINT "budget_requests_team_in_municipality_fk" FOREIGN KEY ("team_id","municipality_id") REFERENCES "public"."teams"("id","municipality_id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_point_votes" ADD CONSTRAINT "action_point_votes_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_point_votes" ADD CONSTRAINT "action_point_votes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_point_votes" ADD CONSTRAINT "action_point_votes_point_in_municipality_fk" FOREIGN KEY ("action_point_id","municipality_id") REFERENCES "public"."action_points"("id","municipality_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_points" ADD CONSTRAINT "action_points_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_points" ADD CONSTRAINT "action_points_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_points" ADD CONSTRAINT "action_points_team_in_municipality_fk" FOREIGN KEY ("team_id","municipality_id") REFERENCES "public"."teams"("id","municipality_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_invitations" ADD CONSTRAINT "team_invitations_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_invitations" ADD CONSTRAINT "team_invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_invitations" ADD CONSTRAINT "team_invitations_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_invitations" ADD CONSTRAINT "team_invitations_team_in_municipality_fk" FOREIGN KEY ("team_id","municipality_id") REFERENCES "public"."teams"("id","municipality_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_team_in_municipality_fk" FOREIGN KEY ("team_id","municipality_id") REFERENCES "public"."teams"("id","municipality_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_neighbourhood_id_neighbourhoods_id_fk" FOREIGN KEY ("neighbourhood_id") REFERENCES "public"."neighbourhoods"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_co_organisers" ADD CONSTRAINT "activity_co_organisers_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_co_organisers" ADD CONSTRAINT "activity_co_organisers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_co_organisers" ADD CONSTRAINT "activity_co_organisers_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_co_organisers" ADD CONSTRAINT "activity_co_organisers_activity_in_municipality_fk" FOREIGN KEY ("activity_id","municipality_id") REFERENCES "public"."activities"("id","municipality_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_evaluations" ADD CONSTRAINT "activity_evaluations_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_evaluations" ADD CONSTRAINT "activity_evaluations_evaluated_by_users_id_fk" FOREIGN KEY ("evaluated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_evaluations" ADD CONSTRAINT "activity_evaluations_activity_in_municipality_fk" FOREIGN KEY ("activity_id","municipality_id") REFERENCES "public"."activities"("id","municipality_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_messages" ADD CONSTRAINT "activity_messages_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_messages" ADD CONSTRAINT "activity_messages_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_messages" ADD CONSTRAINT "activity_messages_activity_in_municipality_fk" FOREIGN KEY ("activity_id","municipality_id") REFERENCES "public"."activities"("id","municipality_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_photo_subjects" ADD CONSTRAINT "activity_photo_subjects_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_photo_subjects" ADD CONSTRAINT "activity_photo_subjects_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_photo_subjects" ADD CONSTRAINT "activity_photo_subjects_consent_id_consent_records_id_fk" FOREIGN KEY ("consent_id") REFERENCES "public"."consent_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_photo_subjects" ADD CONSTRAINT "activity_photo_subjects_photo_in_municipality_fk" FOREIGN KEY ("photo_id","municipality_id") REFERENCES "public"."activity_photos"("id","municipality_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_photos" ADD CONSTRAINT "activity_photos_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_photos" ADD CONSTRAINT "activity_photos_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_photos" ADD CONSTRAINT "activity_photos_activity_in_municipality_fk" FOREIGN KEY ("activity_id","municipality_id") REFERENCES "public"."activities"("id","municipality_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invite_links" ADD CONSTRAINT "invite_links_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invite_links" ADD CONSTRAINT "invite_links_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invite_links" ADD CONSTRAINT "invite_links_team_in_municipality_fk" FOREIGN KEY ("team_id","municipality_id") REFERENCES "public"."teams"("id","municipality_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organised_activities" ADD CONSTRAINT "organised_activities_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organised_activities" ADD CONSTRAINT "organised_activities_organiser_user_id_users_id_fk" FOREIGN KEY ("organiser_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organised_activities" ADD CONSTRAINT "organised_activities_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organised_activities" ADD CONSTRAINT "organised_activities_activity_in_municipality_fk" FOREIGN KEY ("activity_id","municipality_id") REFERENCES "public"."activities"("id","municipality_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organised_activities" ADD CONSTRAINT "organised_activities_team_in_municipality_fk" FOREIGN KEY ("team_id","municipality_id") REFERENCES "public"."teams"("id","municipality_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organiser_trust" ADD CONSTRAINT "organiser_trust_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organiser_trust" ADD CONSTRAINT "organiser_trust_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organiser_trust" ADD CONSTRAINT "organiser_trust_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_referrals" ADD CONSTRAINT "registration_referrals_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_referrals" ADD CONSTRAINT "registration_referrals_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_referrals" ADD CONSTRAINT "registration_referrals_invite_link_id_invite_links_id_fk" FOREIGN KEY ("invite_link_id") REFERENCES "public"."invite_links"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "budget_ledger_pot_idx" ON "budget_ledger" USING btree ("pot_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "budget_ledger_one_reserve_per_request" ON "budget_ledger" USING btree ("request_id") WHERE "budget_ledger"."kind" = 'reserve';--> statement-breakpoint
CREATE UNIQUE INDEX "budget_ledger_one_release_per_request" ON "budget_ledger" USING btree ("request_id") WHERE "budget_ledger"."kind" = 'release';--> statement-breakpoint
CREATE UNIQUE INDEX "budget_ledger_one_spend_per_request" ON "budget_ledger" USING btree ("request_id") WHERE "budget_ledger"."kind" = 'spend';--> statement-breakpoint
CREATE INDEX "budget_pots_municipality_idx" ON "budget_pots" USING btree ("municipality_id","year");--> statement-breakpoint
CREATE INDEX "budget_receipts_request_idx" ON "budget_receipts" USING btree ("request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "budget_requests_idempotency_unique" ON "budget_requests" USING btree ("municipality_id","requested_by","idempotency_key");--> statement-breakpoint
CREATE INDEX "budget_requests_pot_idx" ON "budget_requests" USING btree ("pot_id","status");--> statement-breakpoint
CREATE INDEX "budget_requests_activity_idx" ON "budget_requests" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "budget_requests_team_idx" ON "budget_requests" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "action_points_team_idx" ON "action_points" USING btree ("team_id","status","due_on");--> statement-breakpoint
CREATE INDEX "team_invitations_team_idx" ON "team_invitations" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "team_members_user_idx" ON "team_members" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "teams_name_unique" ON "teams" USING btree ("municipality_id",lower("name"));--> statement-breakpoint
CREATE INDEX "teams_neighbourhood_idx" ON "teams" USING btree ("municipality_id","neighbourhood_id","status");--> statement-breakpoint
CREATE INDEX "activity_co_organisers_user_idx" ON "activity_co_organisers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "activity_messages_activity_idx" ON "activity_messages" USING btree ("activity_id","created_at");--> statement-breakpoint
CREATE INDEX "activity_photo_subjects_consent_idx" ON "activity_photo_subjects" USING btree ("consent_id");--> statement-breakpoint
CREATE INDEX "activity_photos_activity_idx" ON "activity_photos" USING btree ("activity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invite_links_one_live_per_person" ON "invite_links" USING btree ("municipality_id","owner_user_id") WHERE "invite_links"."revoked_at" is null and "invite_links"."owner_user_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "invite_links_one_live_per_team" ON "invite_links" USING btree ("team_id") WHERE "invite_links"."revoked_at" is null and "invite_links"."team_id" is not null;--> statement-breakpoint
CREATE INDEX "organised_activities_organiser_idx" ON "organised_activities" USING btree ("organiser_user_id");--> statement-breakpoint
CREATE INDEX "organised_activities_team_idx" ON "organised_activities" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "organised_activities_municipality_idx" ON "organised_activities" USING btree ("municipality_id");--> statement-breakpoint
CREATE INDEX "registration_referrals_link_idx" ON "registration_referrals" USING btree ("invite_link_id");--> statement-breakpoint
ALTER TABLE "consent_records" ADD CONSTRAINT "consent_records_subject_registration_id_registrations_id_fk" FOREIGN KEY ("subject_registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consent_records_registration_idx" ON "consent_records" USING btree ("subject_registration_id");--> statement-breakpoint
ALTER TABLE "consent_records" ADD CONSTRAINT "consent_records_has_subject" CHECK ("consent_records"."subject_user_id" is not null or "consent_records"."subject_application_id" is not null or "consent_records"."subject_registration_id" is not null);--> statement-breakpoint
ALTER TABLE "personal_data_access_log" ADD CONSTRAINT "personal_data_access_log_resource_valid" CHECK (resource in ('application', 'intake_notes', 'development_plan', 'attendance', 'assessments', 'enrolment', 'placement', 'practice_hours', 'coaching_notes', 'practice_activity', 'final_report', 'certificate', 'organised_activity', 'activity_participants', 'activity_photos', 'budget_request', 'team', 'data_export', 'erasure'));