import { Link, redirect } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { notFound } from "~/features/authorization/gate.server";
import { isAttendanceOpen } from "~/features/activities/policy";
import { attendanceInput, walkInInput } from "~/features/activities/schema";
import { requireOwnOrganisedActivity } from "~/features/organisers/access.server";
import { OrganiserTabs } from "~/features/organisers/components/organiser-tabs";
import { ownActivityPath } from "~/features/organisers/urls";
import { listParticipants } from "~/features/registrations/reads.server";
import { addWalkIn, recordAttendance } from "~/features/registrations/writes.server";
import { CheckInLists, type CheckInPerson } from "~/components/check-in-lists";
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextField } from "~/components/form";
import { Alert, PageTitle } from "~/components/ui";
import { AGE_GROUPS } from "~/lib/db/schema";
import { formToObject, invalid, parseInput, readForm } from "~/lib/forms.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import { formatInZone } from "~/lib/time";
import type { Route } from "./+types/own-activity-check-in";
import staffActivitiesCss from "~/styles/staff-activities.css?url";

/**
 * Checking people in at the door, on a phone: the organiser and co-organisers of a published
 * activity see who signed up (name, age group, waitlist; never an address) and mark them present
 * or absent from the start, and add someone who walks in. The registration writes check the time
 * again under the activity's lock.
 */
function toPerson(row: CheckInPerson): CheckInPerson {
  return { id: row.id, name: row.name, ageGroup: row.ageGroup, attendance: row.attendance, isWalkIn: row.isWalkIn };
}

async function published(request: Request, activityId: string | undefined) {
  const found = await requireOwnOrganisedActivity(request, activityId);
  if (!found.rights.checkIn || found.detail.activity.status !== "published") throw notFound();
  return found;
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { detail, municipalityId } = await published(request, params.activityId);
  const { t, locale } = await getTranslator(request);
  const { activity } = detail;
  const participants = await listParticipants(municipalityId, activity.id);
  const notice = new URL(request.url).searchParams.get("melding");
  return {
    title: `${t("organisers.checkIn.title")}: ${activity.title} — Buurtkracht`,
    activity: { id: activity.id, title: activity.title, when: formatInZone(activity.startsAt, locale) },
    canCheckIn: isAttendanceOpen(activity),
    participants: {
      confirmed: participants.confirmed.map(toPerson),
      waitlist: participants.waitlist.map((row) => ({ ...toPerson(row), position: row.position })),
      attended: participants.attended,
      noShow: participants.noShow,
    },
    notice: notice === "aanwezigheid" ? ("staffActivities.notice.attendanceSaved" as const) : notice === "binnenloper" ? ("organisers.checkIn.walkInAdded" as const) : null,
  };
}

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: staffActivitiesCss }];
export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }, { name: "robots", content: "noindex" }];

export async function action({ request, params }: Route.ActionArgs) {
  const { detail, municipalityId } = await published(request, params.activityId);
  const { locale, t } = await getTranslator(request);
  const values = formToObject(await readForm(request));
  const page = ownActivityPath(detail.activity.id, "aanwezig");
  if (values.intent === "walkIn") {
    const parsed = parseInput(walkInInput, values, locale, t);
    if (!parsed.ok) return invalid(parsed.errors, values);
    const added = await addWalkIn(municipalityId, detail.activity.id, parsed.data);
    if (!added.ok) return invalid({ _form: t(added.message) }, values);
    return redirect(`${page}?melding=binnenloper#deelnemer-${added.id}`);
  }
  const parsed = parseInput(attendanceInput, values, locale, t);
  if (!parsed.ok) return invalid({ _form: t("validation.invalid") });
  const { registrationId, attendance } = parsed.data;
  const saved = await recordAttendance(municipalityId, detail.activity.id, registrationId, attendance === "clear" ? null : attendance);
  if (!saved.ok) return invalid({ _form: t(saved.message) });
  return redirect(`${page}?melding=aanwezigheid#deelnemer-${registrationId}`);
}

export default function OwnOrganisedCheckIn({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { activity, participants } = loaderData;
  const sent = (actionData?.values ?? {}) as Record<string, string>;
  const walkInErrors = sent.intent === "walkIn" ? actionData?.errors : undefined;
  return (
    <div className="my-course">
      <OrganiserTabs />
      <PageTitle>{`${t("organisers.checkIn.title")}: ${activity.title}`}</PageTitle>
      {loaderData.notice && !actionData?.errors && (
        <Alert type="ok">
          <p className="utrecht-paragraph">{t(loaderData.notice)}</p>
        </Alert>
      )}
      {!walkInErrors && <ErrorSummary errors={actionData?.errors} labels={{}} />}
      <p className="utrecht-paragraph">{activity.when}</p>
      <p className="utrecht-paragraph">
        {t("participants.summary", { confirmed: participants.confirmed.length, attended: participants.attended, noShow: participants.noShow, waitlist: participants.waitlist.length })}
      </p>
      {!loaderData.canCheckIn && <p className="utrecht-paragraph">{t("organisers.checkIn.fromStart")}</p>}
      <CheckInLists participants={participants} isAttendanceOpen={loaderData.canCheckIn} />
      {loaderData.canCheckIn && (
        <section className="page-section" aria-labelledby="walkin-heading">
          <h2 className="utrecht-heading-2" id="walkin-heading">
            {t("organisers.checkIn.walkInTitle")}
          </h2>
          <PostForm>
            <ErrorSummary errors={walkInErrors} labels={{ name: t("organisers.checkIn.walkInName"), ageGroup: t("organisers.checkIn.walkInAgeGroup"), email: t("organisers.checkIn.walkInEmail") }} />
            <input type="hidden" name="intent" value="walkIn" />
            <TextField name="name" label={t("organisers.checkIn.walkInName")} required maxLength={100} defaultValue={sent.name} errors={walkInErrors} />
            <SelectField name="ageGroup" label={t("organisers.checkIn.walkInAgeGroup")} options={AGE_GROUPS.map((group) => ({ value: group, label: t(`ageGroup.${group}`) }))} includeEmpty="" required defaultValue={sent.ageGroup} errors={walkInErrors} />
            <TextField name="email" type="email" label={t("organisers.checkIn.walkInEmail")} description={t("organisers.checkIn.walkInEmailHint")} defaultValue={sent.email} errors={walkInErrors} />
            <div className="button-row">
              <SubmitButton>{t("organisers.checkIn.walkInAdd")}</SubmitButton>
            </div>
          </PostForm>
        </section>
      )}
      <p className="button-row">
        <Link className="utrecht-link" to={ownActivityPath(activity.id)}>
          {t("organisers.backToActivity")}
        </Link>
      </p>
    </div>
  );
}
