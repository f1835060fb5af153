import { Link, redirect } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { notFound } from "~/features/authorization/gate.server";
import { isAttendanceOpen } from "~/features/activities/policy";
import { attendanceInput } from "~/features/activities/schema";
import { requireOwnPlacement } from "~/features/practice/placement-access.server";
import { isCheckInDay } from "~/features/practice/practice-activity-policy";
import { findPracticeActivityDetail } from "~/features/practice/practice-activity-reads.server";
import { checkInAtPracticeActivity } from "~/features/practice/practice-activity-writes.server";
import { OWN_PRACTICE_PATHS } from "~/features/practice/urls";
import { OwnPracticeTabs } from "~/features/practice/components/practice-tabs";
import { listParticipants } from "~/features/registrations/reads.server";
import { CheckInLists, type CheckInPerson } from "~/components/check-in-lists";
import { ErrorSummary } from "~/components/form";
import { Alert, PageTitle } from "~/components/ui";
import { formToObject, invalid, parseInput, readForm } from "~/lib/forms.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import { formatInZone } from "~/lib/time";
import type { Route } from "./+types/own-activity-check-in";
import staffActivitiesCss from "~/styles/staff-activities.css?url";

/**
 * The trainee's check-in at their own practice activity, made for a phone at the door: the people
 * who signed up, each with "present" / "did not come", and the waitlist. Only the trainee who
 * organises it reaches it (their own placement's activity, organiser_user_id), from the activity's
 * day on; the buttons work from the start, as on the staff check-in.
 *
 * What the trainee sees of participants: name, age group, walk-in or not, place on the waitlist
 * and whether they checked in. No email addresses: a trainee may be 13 and the people signing up
 * are residents who gave their address to the municipality, not to the trainee; checking people
 * in needs only their name. Contacting participants stays with staff.
 */
function toPerson(row: CheckInPerson): CheckInPerson {
  return { id: row.id, name: row.name, ageGroup: row.ageGroup, attendance: row.attendance, isWalkIn: row.isWalkIn };
}

async function ownPublishedActivity(request: Request) {
  const { user, placement, municipalityId } = await requireOwnPlacement(request);
  const detail = await findPracticeActivityDetail(municipalityId, placement.id);
  if (!detail || placement.traineeUserId !== user.id) throw notFound();
  if (detail.activity.status !== "published" && detail.activity.status !== "completed") throw notFound();
  return { municipalityId, detail };
}

export async function loader({ request }: Route.LoaderArgs) {
  const { municipalityId, detail } = await ownPublishedActivity(request);
  const { t, locale } = await getTranslator(request);
  const { activity } = detail;
  const isOpenToday = isCheckInDay(activity.startsAt);
  const participants = isOpenToday ? await listParticipants(municipalityId, activity.id) : null;
  const notice = new URL(request.url).searchParams.get("melding");
  return {
    title: `${t("practiceActivity.checkIn.title")}: ${activity.title} — Buurtkracht`,
    activity: { title: activity.title, when: formatInZone(activity.startsAt, locale) },
    isOpenToday,
    // Check-in buttons: from the start, and only while the activity is published (not once evaluated).
    canCheckIn: isOpenToday && activity.status === "published" && isAttendanceOpen(activity),
    participants: participants && {
      confirmed: participants.confirmed.map(toPerson),
      waitlist: participants.waitlist.map((row) => ({ ...toPerson(row), position: row.position })),
      attended: participants.attended,
      noShow: participants.noShow,
    },
    notice: notice === "aanwezigheid" ? ("staffActivities.notice.attendanceSaved" as const) : null,
  };
}

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: staffActivitiesCss }];
export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }, { name: "robots", content: "noindex" }];

export async function action({ request }: Route.ActionArgs) {
  const { municipalityId, detail } = await ownPublishedActivity(request);
  const { locale, t } = await getTranslator(request);
  const parsed = parseInput(attendanceInput, formToObject(await readForm(request)), locale, t);
  if (!parsed.ok) return invalid({ _form: t("validation.invalid") });
  const { registrationId, attendance } = parsed.data;
  const saved = await checkInAtPracticeActivity(municipalityId, detail.activity, registrationId, attendance === "clear" ? null : attendance);
  if (!saved.ok) return invalid({ _form: t(saved.message) });
  return redirect(`${OWN_PRACTICE_PATHS.activity}/aanwezig?melding=aanwezigheid#deelnemer-${registrationId}`);
}

export default function OwnActivityCheckIn({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { activity, participants } = loaderData;
  return (
    <div className="my-course">
      <OwnPracticeTabs />
      <PageTitle>{`${t("practiceActivity.checkIn.title")}: ${activity.title}`}</PageTitle>
      {loaderData.notice && !actionData?.errors && (
        <Alert type="ok">
          <p className="utrecht-paragraph">{t(loaderData.notice)}</p>
        </Alert>
      )}
      <ErrorSummary errors={actionData?.errors} labels={{}} />
      <p className="utrecht-paragraph">{activity.when}</p>
      {!loaderData.isOpenToday && <p className="utrecht-paragraph">{t("practiceActivity.checkIn.notYet", { when: activity.when })}</p>}
      {participants && (
        <>
          <p className="utrecht-paragraph">
            {t("participants.summary", { confirmed: participants.confirmed.length, attended: participants.attended, noShow: participants.noShow, waitlist: participants.waitlist.length })}
          </p>
          {!loaderData.canCheckIn && <p className="utrecht-paragraph">{t("practiceActivity.checkIn.buttonsLater")}</p>}
          <CheckInLists participants={participants} isAttendanceOpen={loaderData.canCheckIn} />
        </>
      )}
      <p className="button-row">
        <Link className="utrecht-link" to={OWN_PRACTICE_PATHS.activity}>
          {t("practiceActivity.checkIn.back")}
        </Link>
      </p>
    </div>
  );
}
