import { Link, redirect } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { isAttendanceOpen } from "~/features/activities/policy";
import { attendanceInput, walkInInput } from "~/features/activities/schema";
import { authorizeParticipants, readActivityNotice, withActivityNotice } from "~/features/activities/staff-access.server";
import { staffPageData } from "~/features/municipalities/staff-page.server";
import { listParticipants } from "~/features/registrations/reads.server";
import { addWalkIn, recordAttendance } from "~/features/registrations/writes.server";
import { CheckInLists } from "~/components/check-in-lists";
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextField } from "~/components/form";
import { StaffPageHeader } from "~/components/staff-nav";
import { AGE_GROUPS } from "~/lib/db/schema";
import { formToObject, invalid, parseInput, readForm } from "~/lib/forms.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import { formatInZone } from "~/lib/time";
import type { Route } from "./+types/staff.activity-participants";
import staffActivitiesCss from "~/styles/staff-activities.css?url";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, municipality, activity } = await authorizeParticipants(request, params.slug, params.id);
  const { t, locale } = await getTranslator(request);
  return {
    ...staffPageData(user, municipality),
    notice: readActivityNotice(request),
    slug: municipality.slug,
    activity: { id: activity.id, title: activity.title, when: formatInZone(activity.startsAt, locale), isAttendanceOpen: isAttendanceOpen(activity) },
    participants: await listParticipants(municipality.id, activity.id),
    ageGroups: AGE_GROUPS,
    title: `${t("participants.title")}: ${activity.title} — ${municipality.name}`,
  };
}

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: staffActivitiesCss }];

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }];

export async function action({ request, params }: Route.ActionArgs) {
  const { municipality, activity } = await authorizeParticipants(request, params.slug, params.id);
  const { locale, t } = await getTranslator(request);
  const path = `/beheer/${municipality.slug}/activiteiten/${activity.id}/deelnemers`;
  const values = formToObject(await readForm(request));
  if (values.intent === "walkIn") {
    const parsed = parseInput(walkInInput, values, locale, t);
    if (!parsed.ok) return invalid(parsed.errors, values);
    const result = await addWalkIn(municipality.id, activity.id, parsed.data);
    if (!result.ok) return invalid({ _form: t(result.message) }, values);
    return redirect(`${withActivityNotice(path, "toegevoegd")}#deelnemer-${result.id}`);
  }
  const parsed = parseInput(attendanceInput, values, locale, t);
  if (!parsed.ok) return invalid({ _form: t("validation.invalid") });
  const { registrationId, attendance } = parsed.data;
  const saved = await recordAttendance(municipality.id, activity.id, registrationId, attendance === "clear" ? null : attendance);
  if (!saved.ok) return invalid({ _form: t(saved.message) });
  return redirect(`${withActivityNotice(path, "aanwezigheid")}#deelnemer-${registrationId}`);
}

export default function Participants({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { activity, participants, slug } = loaderData;
  const errors = actionData?.errors;
  const walkInValues = (actionData?.values ?? {}) as Record<string, string>;
  return (
    <>
      <StaffPageHeader title={`${t("participants.title")}: ${activity.title}`} sections={loaderData.sections} notice={loaderData.notice} />
      <p className="utrecht-paragraph">{activity.when}</p>
      <p className="utrecht-paragraph">
        {t("participants.summary", {
          confirmed: participants.confirmed.length,
          attended: participants.attended,
          noShow: participants.noShow,
          waitlist: participants.waitlist.length,
        })}
      </p>
      <p className="button-row">
        <Link className="utrecht-link" to={`/beheer/${slug}/activiteiten/${activity.id}`}>
          {t("participants.backToActivity")}
        </Link>
      </p>
      <ErrorSummary errors={errors && !walkInValues.intent ? errors : undefined} labels={{}} />
      {!activity.isAttendanceOpen && <p className="utrecht-paragraph">{t("participants.checkInLater", { when: activity.when })}</p>}

      <CheckInLists participants={participants} isAttendanceOpen={activity.isAttendanceOpen} />

      {activity.isAttendanceOpen && (
        <section className="page-section" aria-labelledby="walk-in-heading">
          <h2 className="utrecht-heading-2" id="walk-in-heading">
            {t("participants.addWalkIn")}
          </h2>
          <p className="utrecht-paragraph">{t("participants.walkInHint")}</p>
          <PostForm>
            <ErrorSummary
              errors={walkInValues.intent ? errors : undefined}
              labels={{ name: t("participants.name"), ageGroup: t("participants.ageGroup"), email: t("participants.email") }}
            />
            <input type="hidden" name="intent" value="walkIn" />
            <TextField name="name" label={t("participants.name")} required maxLength={100} autoComplete="off" defaultValue={walkInValues.name} errors={errors} />
            <SelectField
              name="ageGroup"
              label={t("participants.ageGroup")}
              required
              includeEmpty={t("participants.chooseAgeGroup")}
              options={loaderData.ageGroups.map((group) => ({ value: group, label: t(`ageGroup.${group}`) }))}
              defaultValue={walkInValues.ageGroup}
              errors={errors}
            />
            <TextField name="email" type="email" label={t("participants.email")} maxLength={254} autoComplete="off" defaultValue={walkInValues.email} errors={errors} />
            <div className="button-row">
              <SubmitButton>{t("form.add")}</SubmitButton>
            </div>
          </PostForm>
        </section>
      )}

      <p className="button-row">
        <a className="utrecht-link" href={`/beheer/${slug}/activiteiten/${activity.id}/deelnemers.csv`} download>
          {t("participants.csv")}
        </a>
      </p>
    </>
  );
}
