import { Form, Link } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { authorizeMunicipality, notFound } from "~/features/authorization/gate.server";
import { staffPageData } from "~/features/municipalities/staff-page.server";
import { alertsFor, listPracticeAlerts, logAlertViews } from "~/features/practice/alerts.server";
import { listPipelineCohorts, loadPipeline } from "~/features/practice/pipeline-reads.server";
import { PIPELINE_STEPS } from "~/features/practice/requirements";
import { placementPath } from "~/features/practice/urls";
import { logPersonalDataAccess } from "~/features/privacy/audit.server";
import { leadsProgramme, teachesCohort } from "~/features/training/policy";
import { SelectField } from "~/components/form";
import { StaffPageHeader } from "~/components/staff-nav";
import { alertView, PracticeAlertList } from "~/features/practice/components/practice-alerts";
import { db } from "~/lib/db/client.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { Route } from "./+types/pipeline";
import pipelineCss from "~/styles/pipeline.css?url";

/**
 * "Doorstroom": how many people stand at each step from application to Citytrainer, and who.
 * The project leader sees the whole municipality (with the alerts); a course leader only the
 * cohorts they teach. Pending applicants are counted, never named. Every minor listed is in the
 * audit log (resource enrolment): the page shows their name, cohort, step and open requirements;
 * a minor's alert is logged as a view of their placement.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, municipality } = await authorizeMunicipality(request, params.slug, "practice.view_pipeline");
  const { t } = await getTranslator(request);
  const leads = leadsProgramme(user.actor, { municipalityId: municipality.id });
  const cohorts = (await listPipelineCohorts(municipality.id)).filter((cohort) => leads || teachesCohort(user.actor, cohort));
  const requested = new URL(request.url).searchParams.get("cohort") || null;
  // A cohort the person may not see answers like one that does not exist.
  if (requested !== null && !cohorts.some((cohort) => cohort.id === requested)) throw notFound();
  const cohortIds = requested ? [requested] : leads ? undefined : cohorts.map((cohort) => cohort.id);
  const pipeline = await loadPipeline(municipality.id, cohortIds);
  const alerts = leads
    ? alertsFor(user.actor, municipality.id, await listPracticeAlerts(municipality.id)).filter((alert) => !requested || alert.cohortId === requested)
    : [];
  await logAlertViews(user.actor, municipality.id, alerts);

  const listed = Object.values(pipeline.people).flat();
  const minors = listed.filter((person) => person.isMinor);
  if (minors.length > 0) {
    await db().transaction(async (tx) => {
      for (const minor of minors) {
        await logPersonalDataAccess(tx, { actor: user.actor, municipalityId: municipality.id, subject: { userId: minor.userId }, resource: "enrolment" });
      }
    });
  }

  const slug = municipality.slug;
  return {
    ...staffPageData(user, municipality),
    slug,
    leads,
    cohorts: cohorts.map((cohort) => ({ id: cohort.id, name: cohort.name })),
    selectedCohort: requested,
    counts: PIPELINE_STEPS.map((step) => ({ step, count: pipeline.counts[step] })),
    applications: pipeline.applications,
    people: Object.entries(pipeline.people).map(([step, people]) => ({
      step,
      people: people.map((person) => ({
        id: person.enrolmentId,
        name: person.name,
        cohortName: person.cohortName,
        href:
          person.placementId && person.step !== "participation_certificate"
            ? placementPath(slug, person.placementId)
            : `/beheer/${slug}/cohorten/${person.cohortId}/cursisten/${person.enrolmentId}`,
        partnerName: person.step === "in_handover" || person.step === "in_placement" || person.step === "ready_for_ceremony" ? person.partnerName : null,
        inPlacement: person.step === "in_placement" || person.step === "ready_for_ceremony",
        hours: { signed: Math.floor(person.signedOffMinutes / 6) / 10, target: person.targetHours },
        missing: person.missing,
      })),
    })),
    alerts: alerts.map((alert) => alertView(alert, slug)),
    title: `${t("pipeline.title")} — ${municipality.name}`,
  };
}

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: pipelineCss }];
export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }, { name: "robots", content: "noindex" }];

export default function Pipeline({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { counts, people, cohorts, selectedCohort, slug } = loaderData;
  const max = Math.max(1, ...counts.map((c) => c.count));
  const applicationStatuses = (["submitted", "intake_planned", "waitlisted", "pending"] as const).filter((status) => (loaderData.applications[status] ?? 0) > 0);
  return (
    <>
      <StaffPageHeader title={t("pipeline.title")} sections={loaderData.sections} />
      <p className="utrecht-paragraph">{loaderData.leads ? t("pipeline.intro") : t("pipeline.introCourseLeader")}</p>

      {cohorts.length > 0 && (
        <Form method="get" className="pipeline-filter" action={`/beheer/${slug}/doorstroom`}>
          <SelectField
            name="cohort"
            label={t("pipeline.filter.cohort")}
            options={cohorts.map((cohort) => ({ value: cohort.id, label: cohort.name }))}
            includeEmpty={loaderData.leads ? t("pipeline.filter.all") : t("pipeline.filter.allMine")}
            defaultValue={selectedCohort}
          />
          <div>
            <button type="submit" className="utrecht-button utrecht-button--secondary-action">
              {t("pipeline.filter.submit")}
            </button>
          </div>
        </Form>
      )}

      {loaderData.leads && (
        <section aria-labelledby="signalen">
          <h2 id="signalen" className="utrecht-heading-2">
            {t("pipeline.alerts.title")}
          </h2>
          <PracticeAlertList alerts={loaderData.alerts} />
        </section>
      )}

      <h2 className="utrecht-heading-2" id="per-stap">
        {t("pipeline.chart.title")}
      </h2>
      <div className="pipeline-overview">
        {/* The bars repeat the table's numbers for the eye; the table is what assistive technology reads. */}
        <figure className="pipeline-bars" aria-hidden="true">
          <ol>
            {counts.map(({ step, count }) => (
              <li key={step} className="pipeline-bar">
                <span className="pipeline-bar__label">{t(`pipeline.step.${step}`)}</span>
                <span className="pipeline-bar__track">
                  <span className="pipeline-bar__fill" style={{ width: `${(count / max) * 100}%`, display: "block" }} />
                </span>
                <span className="pipeline-bar__value">{count}</span>
              </li>
            ))}
          </ol>
        </figure>
        <div className="pipeline-table table-scroll">
          <table className="utrecht-table">
            <caption className="utrecht-table__caption">{t("pipeline.chart.caption")}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">
                  {t("pipeline.chart.step")}
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  {t("pipeline.chart.count")}
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {counts.map(({ step, count }) => (
                <tr key={step} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell">
                    <a className="utrecht-link" href={`#stap-${step}`}>
                      {t(`pipeline.step.${step}`)}
                    </a>
                  </th>
                  <td className="utrecht-table__cell" data-step={step}>
                    {count}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>

      <h2 className="utrecht-heading-2">{t("pipeline.people.title")}</h2>
      <section aria-labelledby="stap-applied">
        <h3 id="stap-applied" className="utrecht-heading-3">
          {t("pipeline.step.applied")} ({counts[0]!.count})
        </h3>
        <p className="utrecht-paragraph">{t("pipeline.applied.explain")}</p>
        {applicationStatuses.length > 0 && (
          <ul className="utrecht-unordered-list">
            {applicationStatuses.map((status) => (
              <li key={status}>
                {t(`pipeline.applied.status.${status}`)}: {loaderData.applications[status]}
              </li>
            ))}
          </ul>
        )}
      </section>
      {people.map(({ step, people: here }) => (
        <section key={step} aria-labelledby={`stap-${step}`}>
          <h3 id={`stap-${step}`} className="utrecht-heading-3">
            {t(`pipeline.step.${step as (typeof PIPELINE_STEPS)[number]}`)} ({here.length})
          </h3>
          {here.length === 0 ? (
            <p className="utrecht-paragraph">{t("pipeline.people.none")}</p>
          ) : (
            <ul className="pipeline-people">
              {here.map((person) => (
                <li key={person.id} className="pipeline-person">
                  <p>
                    <Link className="utrecht-link" to={person.href}>
                      {person.name}
                    </Link>
                  </p>
                  <p className="form-hint">{t("pipeline.person.cohort", { cohort: person.cohortName })}</p>
                  {person.partnerName && <p className="form-hint">{t("pipeline.person.partner", { partner: person.partnerName })}</p>}
                  {person.inPlacement && (
                    <>
                      <p>{t("pipeline.person.hours", { signed: person.hours.signed, target: person.hours.target })}</p>
                      {person.missing.length === 0 ? (
                        <p>{t("pipeline.person.allDone")}</p>
                      ) : (
                        <p>
                          {t("pipeline.person.open")} {person.missing.map((requirement) => t(`citytrainer.requirement.${requirement}`)).join(", ")}
                        </p>
                      )}
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </>
  );
}
