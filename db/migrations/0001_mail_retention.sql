ALTER TABLE "registrations" DROP CONSTRAINT "registrations_email_unless_walk_in";--> statement-breakpoint
ALTER TABLE "municipalities" ADD COLUMN "contact_email" text;--> statement-breakpoint
ALTER TABLE "outbox_emails" ADD COLUMN "locale" text DEFAULT 'nl' NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox_emails" ADD COLUMN "secret_links" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox_emails" ADD COLUMN "body_removed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "anonymised_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outbox_emails" ADD CONSTRAINT "outbox_emails_locale_valid" CHECK ("outbox_emails"."locale" in ('nl', 'en'));--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_email_unless_walk_in" CHECK ("registrations"."email" is not null or "registrations"."is_walk_in" or "registrations"."anonymised_at" is not null);