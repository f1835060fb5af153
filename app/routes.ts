import { type RouteConfig, index, route } from "@react-router/dev/routes";

/**
 * Every URL of the platform. Dutch paths for pages people visit; /api for machines. Static
 * segments come before `:slug` so a municipality slug can never shadow a platform page.
 */
export default [
  index("routes/home.tsx"),
  route("taal/:locale", "routes/language.ts"),

  // For search engines: what they may read, and the public pages to find (public/ has no such files).
  route("robots.txt", "routes/robots.ts"),
  route("sitemap.xml", "routes/sitemap.ts"),
  route("sitemaps/gemeenten.xml", "routes/sitemap.pages.ts"),
  route("sitemaps/:slug/activiteiten.xml", "routes/sitemap.activities.ts"),

  // Running the network and the municipalities (staff); /beheer/mail before /beheer/:slug.
  route("netwerk", "routes/network.tsx"),
  route("netwerk/privacy", "routes/privacy/network-privacy.tsx"),
  route("netwerk/trajecten", "routes/training/network.tracks.tsx"),
  route("netwerk/trajecten/:id", "routes/training/network.track.tsx"),
  route("netwerk/trajecten/:id/materialen/:materialId", "routes/training/network.track-material.ts"),
  route("beheer/mail", "routes/staff.mail.tsx"),
  route("beheer/mail/:messageId", "routes/staff.mail-message.tsx"),
  route("beheer/:slug", "routes/staff.home.tsx"),
  route("beheer/:slug/instellingen", "routes/staff.settings.tsx"),
  route("beheer/:slug/wijken", "routes/staff.neighbourhoods.tsx"),
  route("beheer/:slug/partners", "routes/staff.partners.tsx"),
  route("beheer/:slug/partners/:partnerId", "routes/staff.partner.tsx"),
  route("beheer/:slug/team", "routes/staff.team.tsx"),
  route("beheer/:slug/cohorten/:cohortId/aanmeldingen", "routes/training/staff.applications.tsx"),
  route("beheer/:slug/cohorten/:cohortId/aanmeldingen/:applicationId", "routes/training/staff.application.tsx"),
  route("beheer/:slug/privacy", "routes/privacy/staff-privacy.tsx"),
  route("uitnodiging/:token", "routes/invitation.tsx"),

  // Accounts and sign-in
  route("registreren", "routes/sign-up.tsx"),
  route("inloggen", "routes/sign-in.tsx"),
  route("inloggen/tweestaps", "routes/sign-in.two-factor.tsx"),
  route("inloggen/link", "routes/sign-in.link.tsx"),
  route("wachtwoord-vergeten", "routes/forgot-password.tsx"),
  route("wachtwoord-herstellen", "routes/reset-password.tsx"),
  route("account", "routes/account.tsx"),
  route("account/tweestapsverificatie", "routes/account.two-factor.tsx"),
  route("account/aanmeldingen", "routes/account.registrations.tsx"),
  route("account/cursusagenda", "routes/training/course-calendar.tsx"),
  // A person's own data: export (file and readable summary), who looked, erasure requests.
  route("account/mijn-gegevens", "routes/privacy/my-data.tsx"),
  route("account/mijn-gegevens/download.json", "routes/privacy/my-data-json.ts"),
  route("account/mijn-gegevens/overzicht", "routes/privacy/my-data-summary.tsx"),
  route("uitloggen", "routes/sign-out.tsx"),
  route("api/auth/*", "routes/api.auth.tsx"),

  // The Citytrainer certificate: the project leader's page, the holder's downloads, the
  // revocation status lists verifiers fetch, and the machine answer of the public check (static
  // first segments, so before `:slug`; the API route before the /api/v1 catch-all).
  route("beheer/:slug/citytrainers", "routes/certificates/staff-citytrainers.tsx"),
  route("mijn-praktijk/certificaat.pdf", "routes/certificates/my-certificate-pdf.ts"),
  route("mijn-praktijk/certificaat.json", "routes/certificates/my-certificate-json.ts"),
  route("credentials/status/:listId", "routes/certificates/status-list.ts"),
  route("api/v1/certificates/:code", "routes/certificates/api-certificate.ts"),

  // The public JSON API and feeds (resource routes); unknown /api/v1 paths answer with a problem
  // document, and so do other spellings of known ones (server/api-conventions.ts).
  route("api/v1", "routes/api.v1.index.ts"),
  route("api/v1/municipalities", "routes/api.v1.municipalities.ts"),
  route("api/v1/municipalities/:slug/neighbourhoods", "routes/api.v1.neighbourhoods.ts"),
  route("api/v1/municipalities/:slug/calendar.ics", "routes/api.v1.calendar-ics.ts"),
  route("api/v1/activities", "routes/api.v1.activities.ts"),
  route("api/v1/activities/:id", "routes/api.v1.activity.ts"),
  route("api/v1/activities/:id/registrations", "routes/api.v1.registrations.ts"),
  route("api/v1/openapi.json", "routes/api.v1.openapi.ts"),
  route("api/v1/*", "routes/api.v1.not-found.ts"),

  // The public calendar across the network, and the page behind a registration mail's link
  // (/inschrijving was its address in mails sent before the house style said "aanmelding").
  route("activiteiten", "routes/calendar.tsx"),
  route("aanmelding/:token", "routes/registration.tsx"),
  route("inschrijving/:token", "routes/registration-old-address.ts"),

  // Applying for a course group: the applicant's link (confirm, status, withdraw) and the
  // guardian's consent link; static first segments, so before the municipality pages.
  route("cursus-aanmelding/:token", "routes/training/application-status.tsx"),
  route("toestemming/:token", "routes/privacy/consent.tsx"),

  // Activities: staff pages of the activity domain (public calendar pages live with the calendar).
  route("beheer/:slug/activiteiten", "routes/staff.activities.tsx"),
  route("beheer/:slug/activiteiten/nieuw", "routes/staff.activity-new.tsx"),
  route("beheer/:slug/activiteiten/:id", "routes/staff.activity.tsx"),
  route("beheer/:slug/activiteiten/:id/deelnemers", "routes/staff.activity-participants.tsx"),
  route("beheer/:slug/activiteiten/:id/deelnemers.csv", "routes/staff.activity-participants-csv.ts"),

  // Training: course groups (cohorts) and their schedules (staff), and the personal course calendar feed.
  route("beheer/:slug/cohorten", "routes/training/cohorts.tsx"),
  route("beheer/:slug/cohorten/nieuw", "routes/training/cohort-new.tsx"),
  route("beheer/:slug/cohorten/:cohortId", "routes/training/cohort.tsx"),
  route("beheer/:slug/cohorten/:cohortId/bewerken", "routes/training/cohort-edit.tsx"),
  route("beheer/:slug/cohorten/:cohortId/rooster", "routes/training/cohort-schedule.tsx"),
  route("beheer/:slug/cohorten/:cohortId/rooster/:sessionId", "routes/training/cohort-session.tsx"),
  route("beheer/:slug/cohorten/:cohortId/cursisten.csv", "routes/training/cohort-trainees-csv.ts"),
  route("agenda/:token/cursus.ics", "routes/training/course-calendar-ics.ts"),

  // Training: running a cohort (staff), the trainee's own course, and the public check of a
  // certificate's code (static first segments, so before `:slug`).
  route("beheer/:slug/cohorten/:cohortId/cursisten/:enrolmentId", "routes/training/staff.trainee.tsx"),
  route("beheer/:slug/cohorten/:cohortId/bijeenkomsten/:sessionId", "routes/training/staff.session.tsx"),
  route("beheer/:slug/cohorten/:cohortId/beoordelingen", "routes/training/staff.assessment-moments.tsx"),
  route("mijn-cursus", "routes/training/my-course.tsx"),

  // Everyone's overview of the path: the pipeline (project leader, course leader) and the trainee's own timeline.
  route("beheer/:slug/doorstroom", "routes/practice/pipeline.tsx"),
  route("mijn-traject", "routes/practice/my-path.tsx"),

  route("mijn-cursus/bewijs-van-deelname/:certificateId", "routes/training/my-certificate-pdf.ts"),
  route("certificaat/:code", "routes/training/certificate-verify.tsx"),

  // Training: the municipality's own tracks (copies of the network's curriculum templates).
  route("beheer/:slug/trajecten", "routes/training/staff.tracks.tsx"),
  route("beheer/:slug/trajecten/:id", "routes/training/staff.track.tsx"),
  route("beheer/:slug/trajecten/:id/materialen/:materialId", "routes/training/staff.track-material.ts"),

  // Practice hours: the trainee's own hours and the placement's hours for its supervisor (and, to read, course leader and project leader).
  route("mijn-praktijk/uren", "routes/practice/own-hours.tsx"),
  route("beheer/:slug/praktijk/:placementId/uren", "routes/practice/staff-placement-hours.tsx"),
  // Practice: the final report (trainee and reviewers) and the ceremonies with the final presentations (project leader).
  route("mijn-praktijk/eindverslag", "routes/practice/own-final-report.tsx"),
  route("mijn-praktijk/eindverslag/bestand", "routes/practice/own-final-report-file.ts"),
  route("beheer/:slug/praktijk/:placementId/eindverslag", "routes/practice/staff-placement-report.tsx"),
  route("beheer/:slug/praktijk/:placementId/eindverslag/bestand", "routes/practice/staff-placement-report-file.ts"),
  route("beheer/:slug/eindpresentaties", "routes/practice/staff-ceremonies.tsx"),
  route("beheer/:slug/eindpresentaties/nieuw", "routes/practice/staff-ceremony-new.tsx"),
  route("beheer/:slug/eindpresentaties/:ceremonyId", "routes/practice/staff-ceremony.tsx"),
  // Practice: the trainee's own practice activity (plan, submit, evaluate, check-in at the door) and its review by the supervisor or course leader.
  route("mijn-praktijk/activiteit", "routes/practice/own-activity.tsx"),
  route("mijn-praktijk/activiteit/aanwezig", "routes/practice/own-activity-check-in.tsx"),
  route("beheer/:slug/praktijk/:placementId/activiteit", "routes/practice/staff-placement-activity.tsx"),
  // Practice: the warm handover (proposal per trainee), the practice supervisor's working area and
  // a placement's overview page (staff), and the trainee's own practice page.
  route("beheer/:slug/cohorten/:cohortId/cursisten/:enrolmentId/overdracht", "routes/practice/propose-placement.tsx"),
  route("beheer/:slug/praktijk", "routes/practice/supervisor-area.tsx"),
  route("beheer/:slug/praktijk/:placementId", "routes/practice/staff-placement.tsx"),
  route("mijn-praktijk", "routes/practice/own-practice.tsx"),

  // The project leader's overview of residents at work, per neighbourhood.
  route("beheer/:slug/wijkoverzicht", "routes/organisers/staff-overview.tsx"),
  // Residents at work, evaluation: the organiser's evaluation with photo consent and photos, the
  // photo files for organisers and staff, and public photos (before `:slug`, except the public one).
  route("mijn-activiteiten/:activityId/evaluatie", "routes/organisers/own-activity-evaluation.tsx"),
  route("mijn-activiteiten/:activityId/fotos/:photoId", "routes/organisers/own-activity-photo.ts"),
  route("beheer/:slug/activiteiten/:id/fotos/:photoId", "routes/organisers/staff-activity-photo.ts"),
  // Resident teams (EigenWIJzebuurten): the members' own pages, the invitation link, the staff
  // pages (static first segments, so before `:slug`).
  route("mijn-teams", "routes/teams/my-teams.tsx"),
  route("mijn-teams/:teamId", "routes/teams/my-team.tsx"),
  route("team-uitnodiging/:token", "routes/teams/team-invitation.tsx"),
  route("beheer/:slug/teams", "routes/teams/staff-teams.tsx"),
  route("beheer/:slug/teams/:teamId", "routes/teams/staff-team.tsx"),
  // Budgets: the project leader's pots, their export and the decision on a request; the organiser's
  // requests (all, and per activity, with the settlement) and the receipts' download (static first
  // segments, so before `:slug`; /mijn-activiteiten/budget before the organisers' /mijn-activiteiten/:id).
  route("beheer/:slug/budgetten", "routes/budgets/staff-pots.tsx"),
  route("beheer/:slug/budgetten/aanvragen/:requestId", "routes/budgets/staff-request.tsx"),
  route("beheer/:slug/budgetten/:potId", "routes/budgets/staff-pot.tsx"),
  route("beheer/:slug/budgetten/:potId/export.csv", "routes/budgets/staff-pot-csv.ts"),
  route("mijn-activiteiten/budget", "routes/budgets/own-budget.tsx"),
  route("mijn-activiteiten/budget/bonnetjes/:receiptId", "routes/budgets/receipt-file.ts"),
  route("mijn-activiteiten/:activityId/budget", "routes/budgets/own-activity-budget.tsx"),

  // Residents recruit residents: the invite link's landing page (public), the recruiter's own
  // links, QR codes and figures, and the A6 flyer of an activity they organise.
  route("doe-mee/:code", "routes/recruitment/invite-landing.tsx"),
  route("mijn-activiteiten/uitnodigen", "routes/recruitment/own-invite.tsx"),
  route("mijn-activiteiten/uitnodigen/qr/:code", "routes/recruitment/own-invite-qr.ts"),
  route("mijn-activiteiten/:activityId/flyer.pdf", "routes/recruitment/activity-flyer.ts"),
  // Residents organise (issue 9): a Citytrainer's or team's own activities (plan, submit, check-in,
  // announcements) and the coaches' organisers list, review queue and review page.
  route("mijn-activiteiten", "routes/organisers/own-activities.tsx"),
  route("mijn-activiteiten/nieuw", "routes/organisers/own-activity.tsx", { id: "organisers-new-activity" }),
  route("mijn-activiteiten/:activityId", "routes/organisers/own-activity.tsx"),
  route("mijn-activiteiten/:activityId/aanwezig", "routes/organisers/own-activity-check-in.tsx"),
  route("mijn-activiteiten/:activityId/bericht", "routes/organisers/own-activity-message.tsx"),
  route("beheer/:slug/organisatoren", "routes/organisers/staff-organisers.tsx"),
  route("beheer/:slug/organisatoren/beoordelen", "routes/organisers/staff-review-queue.tsx"),
  route("beheer/:slug/organisatoren/activiteiten/:activityId", "routes/organisers/staff-organised-activity.tsx"),

  // Municipality pages (public) stay last: `:slug` matches any single segment.
  route(":slug", "routes/municipality.tsx"),
  route(":slug/activiteiten", "routes/calendar.municipality.tsx"),
  route(":slug/activiteiten/:id", "routes/calendar.activity.tsx"),
  route(":slug/activiteiten/:id/agenda.ics", "routes/calendar.activity-ics.ts"),
  route(":slug/activiteiten/:id/fotos/:photoId", "routes/organisers/public-activity-photo.ts"),
  route(":slug/embed", "routes/calendar.embed.tsx"),
  route(":slug/cursus/:cohortId/aanmelden", "routes/training/apply.tsx"),
  route(":slug/teams/:teamId", "routes/teams/public-team.tsx"),
] satisfies RouteConfig;
