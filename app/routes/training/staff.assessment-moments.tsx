import { Link, redirect } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { staffPageData } from "~/features/municipalities/staff-page.server";
import { authorizeRunCohort, readCourseNotice, withCourseNotice } from "~/features/training/course-access.server";
import { competencesOf, listMoments } from "~/features/training/course-reads.server";
import { momentInput } from "~/features/training/course-schema";
import { addAssessmentMoment } from "~/features/training/course-writes.server";
import { DataTable } from "~/components/data-table";
import { ErrorSummary, PostForm, SubmitButton, TextField } from "~/components/form";
import { StaffPageHeader } from "~/components/staff-nav";
import { formToObject, invalid, parseInput, readForm } from "~/lib/forms.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { Route } from "./+types/staff.assessment-moments";
import courseCss from "~/styles/course.css?url";

function formatDate(date: string, locale: string): string {
  const [year, month, day] = date.split("-").map(Number);
  return new Intl.DateTimeFormat(locale === "nl" ? "nl-NL" : "en-GB", { dateStyle: "long", timeZone: "UTC" }).format(new Date(Date.UTC(year!, month! - 1, day!)));
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, municipality, cohort } = await authorizeRunCohort(request, params.slug, params.cohortId);
  const { t, locale } = await getTranslator(request);
  const [moments, competences] = await Promise.all([listMoments(cohort.id), competencesOf(cohort.trackVersionId)]);
  return {
    ...staffPageData(user, municipality),
    notice: readCourseNotice(request),
    slug: municipality.slug,
    cohort: { id: cohort.id, name: cohort.name, requiresAssessments: cohort.completionRequiresAssessments },
    moments: moments.map((m) => ({ id: m.id, name: m.name, plannedOn: m.plannedOn ? formatDate(m.plannedOn, locale) : null })),
    competences: competences.map((c) => c.name),
    title: `${t("course.moments.title")} — ${cohort.name} — ${municipality.name}`,
  };
}

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: courseCss }];
export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }];

export async function action({ request, params }: Route.ActionArgs) {
  const { municipality, cohort } = await authorizeRunCohort(request, params.slug, params.cohortId);
  const { locale, t } = await getTranslator(request);
  const values = formToObject(await readForm(request));
  const parsed = parseInput(momentInput, values, locale, t);
  if (!parsed.ok) return invalid(parsed.errors, values);
  await addAssessmentMoment(municipality.id, cohort.id, parsed.data);
  return redirect(withCourseNotice(`/beheer/${municipality.slug}/cohorten/${cohort.id}/beoordelingen`, "moment-toegevoegd"));
}

export default function AssessmentMoments({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { cohort, moments, slug } = loaderData;
  const errors = actionData?.errors;
  const sent = (actionData?.values ?? {}) as Record<string, string>;
  return (
    <>
      <StaffPageHeader title={`${t("course.moments.title")}: ${cohort.name}`} sections={loaderData.sections} notice={loaderData.notice} />
      <p>
        <Link className="utrecht-link" to={`/beheer/${slug}/cohorten/${cohort.id}`}>
          {t("course.staff.backToCohort")}
        </Link>
      </p>
      <p className="utrecht-paragraph">
        {t(cohort.requiresAssessments ? "course.moments.intro.required" : "course.moments.intro.optional", { competences: loaderData.competences.join(", ") || "–" })}
      </p>
      <section className="page-section" aria-labelledby="moments-heading">
        <h2 className="utrecht-heading-2" id="moments-heading">
          {t("course.moments.list")}
        </h2>
        {moments.length === 0 ? (
          <p className="utrecht-paragraph">{t("course.moments.none")}</p>
        ) : (
          <DataTable caption={t("course.moments.list")} columns={[t("course.moments.name"), t("course.moments.plannedOn")]}>
            {moments.map((moment) => (
              <tr key={moment.id}>
                <td>{moment.name}</td>
                <td>{moment.plannedOn ?? t("course.moments.noDate")}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
      <section className="page-section" aria-labelledby="add-moment-heading">
        <h2 className="utrecht-heading-2" id="add-moment-heading">
          {t("course.moments.add")}
        </h2>
        <PostForm>
          <ErrorSummary errors={errors} labels={{ name: t("course.moments.name"), plannedOn: t("course.moments.plannedOn") }} />
          <TextField name="name" label={t("course.moments.name")} description={t("course.moments.nameHint")} required maxLength={100} defaultValue={sent.name} errors={errors} />
          <TextField name="plannedOn" type="date" label={t("course.moments.plannedOn")} defaultValue={sent.plannedOn} errors={errors} />
          <div className="button-row">
            <SubmitButton>{t("course.moments.addButton")}</SubmitButton>
          </div>
        </PostForm>
      </section>
    </>
  );
}
