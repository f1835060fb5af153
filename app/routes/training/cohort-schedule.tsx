import { Form, Link, redirect } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { notFound } from "~/features/authorization/gate.server";
import { staffPageData } from "~/features/municipalities/staff-page.server";
import { authorizeCohort, readCohortNotice, withCohortNotice } from "~/features/training/cohorts-access.server";
import { cohortPath } from "~/features/training/cohorts-urls";
import { listCohortSessions, listVersionModules } from "~/features/training/cohorts-reads.server";
import { generateInput, scheduleIntent, sessionIdInput, sessionInput } from "~/features/training/cohorts-schema";
import { addSession, cancelSession, generateSchedule } from "~/features/training/cohorts-writes.server";
import { SessionForm, type SessionFormValues } from "~/components/cohort-form";
import { SessionCells } from "~/components/cohort-sessions";
import { DataTable } from "~/components/data-table";
import { ErrorSummary, PostForm, SubmitButton, TextField } from "~/components/form";
import { StaffPageHeader } from "~/components/staff-nav";
import { formToObject, invalid, parseInput, readForm } from "~/lib/forms.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import { formatInZone } from "~/lib/time";
import type { Route } from "./+types/cohort-schedule";
import staffActivitiesCss from "~/styles/staff-activities.css?url";

/**
 * A cohort's schedule: every session with date, times (Europe/Amsterdam) and place. The project
 * leader generates it from the track, adds sessions, and cancels them; course leaders read it.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, municipality, cohort, canManage } = await authorizeCohort(request, params.slug, params.cohortId);
  const { t, locale } = await getTranslator(request);
  const [sessions, modules] = await Promise.all([listCohortSessions(municipality.id, cohort.id), listVersionModules(cohort.trackVersionId)]);
  return {
    ...staffPageData(user, municipality),
    notice: readCohortNotice(request),
    base: cohortPath(municipality.slug, cohort.id),
    canManage,
    cohort: { name: cohort.name, location: cohort.location, startsOn: cohort.startsOn, track: cohort.track },
    modules,
    sessions: sessions.map((s) => ({
      id: s.id,
      kind: s.kind,
      when: `${formatInZone(s.startsAt, locale, { weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" })} – ${formatInZone(s.endsAt, locale, { hour: "2-digit", minute: "2-digit" })}`,
      startsAt: s.startsAt.toISOString(),
      what: s.moduleTitle ?? s.title,
      location: s.location,
      isCancelled: s.cancelledAt !== null,
    })),
    title: `${t("cohorts.schedule.title", { name: cohort.name })} — ${municipality.name}`,
  };
}

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: staffActivitiesCss }];

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }];

export async function action({ request, params }: Route.ActionArgs) {
  const { municipality, cohort, canManage } = await authorizeCohort(request, params.slug, params.cohortId);
  if (!canManage) throw notFound();
  const { locale, t } = await getTranslator(request);
  const values = formToObject(await readForm(request));
  const path = `${cohortPath(municipality.slug, cohort.id)}/rooster`;
  const intent = parseInput(scheduleIntent, values, locale, t);
  if (!intent.ok) return invalid(intent.errors, { intent: "unknown" });

  if (intent.data.intent === "generate") {
    const parsed = parseInput(generateInput, values, locale, t);
    if (!parsed.ok) return invalid(parsed.errors, { ...values, intent: "generate" });
    const result = await generateSchedule(municipality.id, cohort.id, parsed.data);
    if (!result.ok) return invalid({ [result.field]: t(result.message) }, { ...values, intent: "generate" });
    return redirect(withCohortNotice(path, "rooster-gemaakt"));
  }
  if (intent.data.intent === "add") {
    const parsed = parseInput(sessionInput, values, locale, t);
    if (!parsed.ok) return invalid(parsed.errors, { ...values, intent: "add" });
    const result = await addSession(municipality.id, cohort.id, parsed.data);
    if (!result.ok) return invalid({ [result.field]: t(result.message) }, { ...values, intent: "add" });
    return redirect(withCohortNotice(path, "toegevoegd"));
  }
  const parsed = parseInput(sessionIdInput, values, locale, t);
  if (!parsed.ok) return invalid({ _form: t("cohorts.session.notFound") }, { intent: "cancel" });
  const result = await cancelSession(municipality.id, cohort.id, parsed.data.id);
  if (!result.ok) return invalid({ [result.field]: t(result.message) }, { intent: "cancel" });
  return redirect(withCohortNotice(path, "gaat-niet-door"));
}

export default function CohortSchedule({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { cohort, base, sessions, canManage, modules } = loaderData;
  const sent = actionData?.values as Record<string, string> | undefined;
  const errorsFor = (intent: string) => (sent?.intent === intent ? actionData?.errors : undefined);
  const otherErrors = sent && !["generate", "add"].includes(sent.intent ?? "") ? actionData?.errors : undefined;
  const addValues: SessionFormValues = sent?.intent === "add" ? sent : { location: cohort.location };
  return (
    <>
      <StaffPageHeader title={t("cohorts.schedule.title", { name: cohort.name })} sections={loaderData.sections} notice={loaderData.notice} />
      <p>
        <Link className="utrecht-link" to={base}>
          {t("cohorts.backToCohort")}
        </Link>
      </p>
      <p className="utrecht-paragraph">{t("cohorts.schedule.intro")}</p>
      <ErrorSummary errors={otherErrors} labels={{}} />
      {sessions.length === 0 ? (
        <p className="utrecht-paragraph">{t("cohorts.schedule.empty")}</p>
      ) : (
        <DataTable
          caption={t("cohorts.links.schedule")}
          actions={canManage}
          columns={[
            t("cohorts.schedule.column.when"),
            t("cohorts.schedule.column.kind"),
            t("cohorts.schedule.column.what"),
            t("cohorts.schedule.column.where"),
            ...(canManage ? [t("cohorts.schedule.column.actions")] : []),
          ]}
        >
          {sessions.map((s) => (
            <tr key={s.id}>
              <SessionCells session={s} cohortBase={base} />
              {canManage && (
                <td>
                  {!s.isCancelled && (
                    <div className="button-row">
                      <Link className="utrecht-link" to={`${base}/rooster/${s.id}`}>
                        {t("cohorts.schedule.editSession")}
                        <span className="visually-hidden"> {s.when}</span>
                      </Link>
                      <Form method="post" className="inline-form" noValidate>
                        <input type="hidden" name="intent" value="cancel" />
                        <input type="hidden" name="id" value={s.id} />
                        <SubmitButton appearance="subtle">
                          {t("cohorts.schedule.cancel")}
                          <span className="visually-hidden"> {s.when}</span>
                        </SubmitButton>
                      </Form>
                    </div>
                  )}
                </td>
              )}
            </tr>
          ))}
        </DataTable>
      )}
      <p className="utrecht-paragraph">{t("cohorts.schedule.calendarHint")}</p>

      {canManage && sessions.length === 0 && (
        <section className="page-section" aria-labelledby="generate-heading">
          <h2 className="utrecht-heading-2" id="generate-heading">
            {t("cohorts.schedule.generate")}
          </h2>
          <p className="utrecht-paragraph">
            {t("cohorts.schedule.generateIntro", {
              meetings: cohort.track.meetingCount,
              meetingMinutes: cohort.track.meetingMinutes,
              followUps: cohort.track.followUpDays,
              followUpMinutes: cohort.track.followUpMinutes,
            })}
          </p>
          <PostForm>
            <input type="hidden" name="intent" value="generate" />
            <ErrorSummary
              errors={errorsFor("generate")}
              labels={{ meetingStartTime: t("cohorts.schedule.meetingStartTime"), followUpStartTime: t("cohorts.schedule.followUpStartTime") }}
            />
            <TextField name="meetingStartTime" type="time" label={t("cohorts.schedule.meetingStartTime")} required errors={errorsFor("generate")} defaultValue={sent?.intent === "generate" ? sent.meetingStartTime : "19:00"} />
            <TextField name="followUpStartTime" type="time" label={t("cohorts.schedule.followUpStartTime")} required errors={errorsFor("generate")} defaultValue={sent?.intent === "generate" ? sent.followUpStartTime : "10:00"} />
            <p className="button-row">
              <SubmitButton>{t("cohorts.schedule.generate")}</SubmitButton>
            </p>
          </PostForm>
        </section>
      )}

      {canManage && (
        <section className="page-section" aria-labelledby="add-heading">
          <h2 className="utrecht-heading-2" id="add-heading">
            {t("cohorts.schedule.add")}
          </h2>
          <SessionForm values={addValues} errors={errorsFor("add")} modules={modules} intent="add" submitLabel={t("cohorts.schedule.addSubmit")} />
        </section>
      )}
    </>
  );
}
