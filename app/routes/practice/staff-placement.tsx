import { RequirementsList } from "~/features/practice/components/requirements-list";
import { formatHours } from "~/features/practice/hours-view";
import { listTraineePaths } from "~/features/practice/path-facts.server";
import { REQUIREMENTS } from "~/features/practice/requirements";
import { Link, redirect } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { staffPageData } from "~/features/municipalities/staff-page.server";
import { coachingNoteInput, COACHING_NOTE_MAX, declineInput, endInput, goalStatusInput, REASON_MAX } from "~/features/practice/handover-schema";
import { addCoachingNote, updateSharedGoalStatus } from "~/features/practice/coaching-writes.server";
import { acceptPlacement, declinePlacement, endPlacement, withdrawPlacement } from "~/features/practice/handover-writes.server";
import { isMinorToday } from "~/features/practice/minors";
import { eventsFor, PLACEMENT_MACHINE, type PlacementEvent } from "~/features/practice/journey";
import { authorizePlacement } from "~/features/practice/placement-access.server";
import { placementDetails } from "~/features/practice/placements-reads.server";
import { placementPath } from "~/features/practice/urls";
import { PlacementTabs } from "~/features/practice/components/practice-tabs";
import { SharedContent } from "~/features/practice/components/shared-content";
import { logPersonalDataAccess } from "~/features/privacy/audit.server";
import { ErrorSummary, PostForm, SubmitButton, TextAreaField } from "~/components/form";
import { StaffPageHeader } from "~/components/staff-nav";
import { Alert } from "~/components/ui";
import { db } from "~/lib/db/client.server";
import { LEARNING_GOAL_STATUSES } from "~/lib/db/schema";
import { formToObject, invalid, parseInput, readForm } from "~/lib/forms.server";
import type { MessageKey } from "~/lib/i18n";
import { useTranslation } from "~/lib/i18n/use-translation";
import { formatInZone } from "~/lib/time";
import type { Route } from "./+types/staff-placement";
import handoverCss from "~/styles/handover.css?url";

/**
 * One placement for staff: its supervisor (who answers the proposal, writes coaching notes and
 * updates the shared goals' status), the cohort's course leaders and the project leader (who read
 * it, withdraw a proposal or end a placement early, and write notes too). Everyone else: 404.
 */
const NOTICES = {
  voorgesteld: "handover.notice.proposed",
  geaccepteerd: "handover.notice.accepted",
  afgewezen: "handover.notice.declined",
  ingetrokken: "handover.notice.withdrawn",
  beeindigd: "handover.notice.ended",
  notitie: "handover.notice.noteAdded",
  doel: "form.saved",
} as const satisfies Record<string, MessageKey>;
type PlacementNotice = keyof typeof NOTICES;

function readPlacementNotice(request: Request): MessageKey | null {
  const value = new URL(request.url).searchParams.get("melding");
  return value && Object.hasOwn(NOTICES, value) ? NOTICES[value as PlacementNotice] : null;
}

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: handoverCss }];
export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }, { name: "robots", content: "noindex" }];

/** The events this person may cause now, over all the journey roles they hold here. */
function offeredEvents(roles: readonly Parameters<typeof eventsFor>[2][], status: Parameters<typeof eventsFor>[1]): PlacementEvent[] {
  return [...new Set(roles.flatMap((role) => eventsFor(PLACEMENT_MACHINE, status, role)))];
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, municipality, placement, roles } = await authorizePlacement(request, params.slug, params.placementId);
  const { t, locale } = await getTranslator(request);
  const [details, [path]] = await Promise.all([placementDetails(placement), listTraineePaths(municipality.id, { enrolmentIds: [placement.enrolmentId] })]);
  if (isMinorToday(placement.traineeDateOfBirth)) {
    // A minor's placement and its coaching notes: every staff view is in the access log.
    await db().transaction(async (tx) => {
      for (const resource of ["placement", "coaching_notes"] as const) {
        await logPersonalDataAccess(tx, { actor: user.actor, municipalityId: municipality.id, subject: { userId: placement.traineeUserId }, resource });
      }
    });
  }
  const isSupervisor = roles.includes("practice_supervisor");
  return {
    ...staffPageData(user, municipality),
    notice: readPlacementNotice(request),
    title: `${placement.traineeName} — ${t("handover.placement.title")} — ${municipality.name}`,
    slug: municipality.slug,
    placement: {
      id: placement.id,
      status: placement.status,
      traineeName: placement.traineeName,
      partnerName: placement.partnerName,
      cohortName: placement.cohortName,
      trackName: placement.trackName,
      handoverWhen: formatInZone(placement.handoverAt, locale),
      handoverPlace: placement.handoverPlace,
      note: placement.proposalNote,
      // A withdrawn consent takes the goals and observations off the page, also of an active placement.
      shared: placement.sharedAt !== null && details.consent?.status !== "withdrawn",
      sharingWithdrawn: details.consent?.status === "withdrawn",
      sharedObservations: placement.sharedObservations,
      declineReason: placement.declineReason,
    },
    supervisorName: details.supervisor?.name ?? t("handover.placement.noSupervisor"),
    consent: details.consent ? { status: details.consent.status, givenBy: details.consent.givenBy } : null,
    goals: details.goals,
    notes: details.notes.map((n) => ({ id: n.id, body: n.body, author: n.authorName ?? t("handover.coaching.unknownAuthor"), when: formatInZone(n.createdAt, locale) })),
    events: offeredEvents(roles, placement.status),
    // Where the trainee stands on the way to the Citytrainer certificate (the same facts as the certificate list).
    progress:
      placement.status === "active" && path
        ? {
            requirements: REQUIREMENTS.map((requirement) => ({ requirement, met: !path.missing.includes(requirement) })),
            signedOffHours: formatHours(path.signedOffMinutes, locale),
            targetHours: path.targetHours,
          }
        : null,
    canEditGoals: isSupervisor && placement.status === "active",
    canWriteNotes: placement.status === "proposed" || placement.status === "active",
    isSupervisor,
    traineePath: roles.some((r) => r === "course_leader" || r === "project_leader") ? `/beheer/${municipality.slug}/cohorten/${placement.cohortId}/cursisten/${placement.enrolmentId}` : null,
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { user, municipality, placement, roles } = await authorizePlacement(request, params.slug, params.placementId);
  const { locale, t } = await getTranslator(request);
  const values = formToObject(await readForm(request));
  const path = placementPath(municipality.slug, placement.id);
  const actor = { userId: user.id, roles };
  const done = (notice: PlacementNotice, anchor = "") => redirect(`${path}?melding=${notice}${anchor}`);
  const refused = (field: string, message: MessageKey) => invalid({ [field]: t(message) }, values);

  switch (values.intent) {
    case "accept": {
      const result = await acceptPlacement(municipality.id, placement, actor);
      return result.ok ? done("geaccepteerd") : refused(result.field, result.message);
    }
    case "decline": {
      const parsed = parseInput(declineInput, values, locale, t);
      if (!parsed.ok) return invalid(parsed.errors, values);
      const result = await declinePlacement(municipality.id, placement, actor, parsed.data.reason);
      return result.ok ? done("afgewezen") : refused(result.field, result.message);
    }
    case "withdraw": {
      const result = await withdrawPlacement(municipality.id, placement, actor);
      return result.ok ? done("ingetrokken") : refused(result.field, result.message);
    }
    case "end": {
      const parsed = parseInput(endInput, values, locale, t);
      if (!parsed.ok) return invalid(parsed.errors, values);
      const result = await endPlacement(municipality.id, placement, actor, parsed.data.reason);
      return result.ok ? done("beeindigd") : refused(result.field, result.message);
    }
    case "note": {
      const parsed = parseInput(coachingNoteInput, values, locale, t);
      if (!parsed.ok) return invalid(parsed.errors, values);
      const result = await addCoachingNote(municipality.id, placement.id, parsed.data.body, user.id);
      if (!result.ok) return refused(result.field, result.message);
      await logPersonalDataAccess(db(), { actor: user.actor, municipalityId: municipality.id, subject: { userId: placement.traineeUserId }, resource: "coaching_notes", action: "change" });
      return done("notitie", "#coaching");
    }
    case "goal": {
      if (!roles.includes("practice_supervisor")) return refused("_form", "handover.goals.notNow");
      const parsed = parseInput(goalStatusInput, values, locale, t);
      if (!parsed.ok) return invalid(parsed.errors, values);
      const result = await updateSharedGoalStatus(municipality.id, placement, parsed.data, user.id);
      return result.ok ? done("doel", "#leerdoelen") : refused(result.field, result.message);
    }
    default:
      return invalid({ _form: t("validation.invalid") }, values);
  }
}

export default function StaffPlacement({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { placement, slug } = loaderData;
  const errors = actionData?.errors;
  const sent = (actionData?.values ?? {}) as Record<string, string>;
  const errorsFor = (intent: string) => (sent.intent === intent ? errors : undefined);
  const can = (event: PlacementEvent) => loaderData.events.includes(event);
  return (
    <div className="handover-page">
      <StaffPageHeader title={placement.traineeName} sections={loaderData.sections} notice={loaderData.notice} />
      <PlacementTabs slug={slug} placementId={placement.id} />
      {errors && !["decline", "end", "note", "goal"].includes(sent.intent ?? "") && <ErrorSummary errors={errors} labels={{}} />}
      {loaderData.traineePath && (
        <p>
          <Link className="utrecht-link" to={loaderData.traineePath}>
            {t("handover.propose.back", { name: placement.traineeName })}
          </Link>
        </p>
      )}
      {loaderData.isSupervisor && (
        <p>
          <Link className="utrecht-link" to={`/beheer/${slug}/praktijk`}>
            {t("handover.placement.backToArea")}
          </Link>
        </p>
      )}

      {loaderData.progress && (
        <section className="page-section" aria-labelledby="voortgang">
          <h2 className="utrecht-heading-2" id="voortgang">
            {t("handover.placement.progress")}
          </h2>
          <p className="utrecht-paragraph">{t("handover.area.traineeHours", { signedOff: loaderData.progress.signedOffHours, target: loaderData.progress.targetHours })}</p>
          <RequirementsList requirements={loaderData.progress.requirements} label={t("handover.placement.progress")} />
        </section>
      )}

      <section className="page-section" aria-labelledby="voorstel">
        <h2 className="utrecht-heading-2" id="voorstel">
          {t("handover.placement.proposal")}
        </h2>
        <dl className="placement-facts">
          <dt>{t("handover.placement.status")}</dt>
          <dd>{t(`handover.status.${placement.status}` as MessageKey)}</dd>
          <dt>{t("handover.placement.partner")}</dt>
          <dd>{placement.partnerName}</dd>
          <dt>{t("handover.placement.supervisor")}</dt>
          <dd>{loaderData.supervisorName}</dd>
          <dt>{t("handover.placement.course")}</dt>
          <dd>
            {placement.trackName} ({placement.cohortName})
          </dd>
          <dt>{t("handover.placement.meeting")}</dt>
          <dd>{t("handover.placement.meetingWhen", { when: placement.handoverWhen, place: placement.handoverPlace })}</dd>
          {placement.note && (
            <>
              <dt>{t("handover.field.note")}</dt>
              <dd>{placement.note}</dd>
            </>
          )}
          {placement.declineReason && (
            <>
              <dt>{t("handover.placement.declineReason")}</dt>
              <dd>{placement.declineReason}</dd>
            </>
          )}
        </dl>
        {(placement.sharingWithdrawn || (!placement.shared && placement.status === "proposed")) && (
          <Alert type="info">
            <p className="utrecht-paragraph">{t(consentStateKey(loaderData.consent))}</p>
          </Alert>
        )}
      </section>

      {placement.shared && (
        <section className="page-section" aria-labelledby="leerdoelen">
          <h2 className="utrecht-heading-2" id="leerdoelen" tabIndex={-1}>
            {t("handover.shared.title")}
          </h2>
          <SharedContent goals={loaderData.goals} observations={placement.sharedObservations} />
          {loaderData.canEditGoals && loaderData.goals.length > 0 && (
            <>
              <h3 className="utrecht-heading-3">{t("handover.goals.updateTitle")}</h3>
              <ErrorSummary errors={errorsFor("goal")} labels={{ status: t("handover.goals.status") }} />
              {loaderData.goals.map((goal, index) => (
                <PostForm key={goal.id}>
                  <input type="hidden" name="intent" value="goal" />
                  <input type="hidden" name="goalId" value={goal.id} />
                  <div className="utrecht-form-field utrecht-form-field--text">
                    <label className="utrecht-form-label" htmlFor={`goal-status-${index}`}>
                      {t("handover.goals.statusOf", { goal: goal.description })}
                    </label>
                    <select className="utrecht-select utrecht-select--html-select" id={`goal-status-${index}`} name="status" defaultValue={goal.status}>
                      {LEARNING_GOAL_STATUSES.map((status) => (
                        <option key={status} value={status}>
                          {t(`course.goalStatus.${status}` as MessageKey)}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div className="button-row">
                    <SubmitButton appearance="secondary">{t("handover.goals.save", { goal: goal.description })}</SubmitButton>
                  </div>
                </PostForm>
              ))}
            </>
          )}
        </section>
      )}

      {(can("accept") || can("decline")) && (
        <section className="page-section" aria-labelledby="antwoord">
          <h2 className="utrecht-heading-2" id="antwoord">
            {t("handover.answer.title")}
          </h2>
          <p className="utrecht-paragraph">{t("handover.answer.intro")}</p>
          <PostForm>
            <input type="hidden" name="intent" value="accept" />
            <div className="button-row">
              <SubmitButton>{t("handover.answer.accept")}</SubmitButton>
            </div>
          </PostForm>
          <PostForm>
            <h3 className="utrecht-heading-3">{t("handover.answer.declineTitle")}</h3>
            <ErrorSummary errors={errorsFor("decline")} labels={{ reason: t("handover.field.declineReason") }} />
            <input type="hidden" name="intent" value="decline" />
            <TextAreaField name="reason" label={t("handover.field.declineReason")} description={t("handover.field.declineReasonHint")} required maxLength={REASON_MAX} rows={3} defaultValue={sent.intent === "decline" ? sent.reason : ""} errors={errorsFor("decline")} />
            <div className="button-row">
              <SubmitButton appearance="secondary">{t("handover.answer.decline")}</SubmitButton>
            </div>
          </PostForm>
        </section>
      )}

      {(can("withdraw") || can("end")) && (
        <section className="page-section" aria-labelledby="beheer">
          <h2 className="utrecht-heading-2" id="beheer">
            {t("handover.manage.title")}
          </h2>
          {can("withdraw") && (
            <PostForm>
              <p className="utrecht-paragraph">{t("handover.manage.withdrawHint")}</p>
              <input type="hidden" name="intent" value="withdraw" />
              <div className="button-row">
                <SubmitButton appearance="secondary">{t("handover.manage.withdraw")}</SubmitButton>
              </div>
            </PostForm>
          )}
          {can("end") && (
            <PostForm>
              <ErrorSummary errors={errorsFor("end")} labels={{ reason: t("handover.field.endReason") }} />
              <input type="hidden" name="intent" value="end" />
              <TextAreaField name="reason" label={t("handover.field.endReason")} required maxLength={REASON_MAX} rows={3} defaultValue={sent.intent === "end" ? sent.reason : ""} errors={errorsFor("end")} />
              <div className="button-row">
                <SubmitButton appearance="secondary">{t("handover.manage.end")}</SubmitButton>
              </div>
            </PostForm>
          )}
        </section>
      )}

      <section className="page-section" aria-labelledby="coaching">
        <h2 className="utrecht-heading-2" id="coaching" tabIndex={-1}>
          {t("handover.coaching.title")}
        </h2>
        {loaderData.canWriteNotes && (
          <PostForm>
            <ErrorSummary errors={errorsFor("note")} labels={{ body: t("handover.coaching.body") }} />
            <input type="hidden" name="intent" value="note" />
            <TextAreaField name="body" label={t("handover.coaching.body")} description={t("handover.coaching.bodyHint")} required maxLength={COACHING_NOTE_MAX} rows={4} defaultValue={sent.intent === "note" ? sent.body : ""} errors={errorsFor("note")} />
            <div className="button-row">
              <SubmitButton>{t("handover.coaching.add")}</SubmitButton>
            </div>
          </PostForm>
        )}
        {loaderData.notes.length === 0 ? (
          <p className="utrecht-paragraph">{t("handover.coaching.none")}</p>
        ) : (
          <ul className="coaching-notes">
            {loaderData.notes.map((note) => (
              <li key={note.id}>
                <p className="utrecht-paragraph form-hint">{t("handover.coaching.byline", { author: note.author, when: note.when })}</p>
                <p className="utrecht-paragraph shared-text">{note.body}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/** What the staff page says about a proposal that was not shared yet. */
function consentStateKey(consent: { status: string; givenBy: string } | null): MessageKey {
  if (!consent) return "handover.consentState.waitingTrainee";
  if (consent.status === "requested") return "handover.consentState.waitingGuardian";
  if (consent.status === "refused") return consent.givenBy === "guardian" ? "handover.consentState.refusedGuardian" : "handover.consentState.refusedTrainee";
  return "handover.consentState.withdrawn";
}
