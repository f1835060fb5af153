import { Form, Link, redirect } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { staffPageData } from "~/features/municipalities/staff-page.server";
import { authorizeCohortApplications, readApplicationNotice, withApplicationNotice } from "~/features/training/applications-access.server";
import { listCohortApplications } from "~/features/training/applications-reads.server";
import { offerPlaceToWaitlist } from "~/features/training/applications-writes.server";
import { DataTable } from "~/components/data-table";
import { ErrorSummary, SubmitButton } from "~/components/form";
import { StaffPageHeader } from "~/components/staff-nav";
import { formToObject, invalid, readForm } from "~/lib/forms.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import { formatInZone } from "~/lib/time";
import type { Route } from "./+types/staff.applications";

/**
 * The applications of one cohort by state, for its course leaders and the project leader. Pending
 * applications appear only as "waiting for …", without any of the applicant's data. When a place
 * is free and someone waits, one button offers it to the first on the waiting list.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, municipality, cohort, canRun } = await authorizeCohortApplications(request, params.slug, params.cohortId);
  const { t, locale } = await getTranslator(request);
  const lists = await listCohortApplications(municipality.id, cohort.id);
  const day = (d: Date) => formatInZone(d, locale, { dateStyle: "medium" });
  const row = (r: (typeof lists.submitted)[number]) => ({
    id: r.id,
    name: r.name,
    age: r.ageOnStart,
    received: day(r.createdAt),
    intake: r.intakeAt ? formatInZone(r.intakeAt, locale, { dateStyle: "medium", timeStyle: "short" }) : "",
  });
  const firstWaiting = lists.waitlisted[0];
  return {
    ...staffPageData(user, municipality),
    notice: readApplicationNotice(request),
    title: `${t("staffApplications.heading", { cohort: cohort.name })} — ${municipality.name}`,
    heading: t("staffApplications.heading", { cohort: cohort.name }),
    slug: municipality.slug,
    cohort: { id: cohort.id, name: cohort.name, admitted: cohort.admittedCount, max: cohort.maxSize },
    // No id either: a pending application is only the fact that it exists.
    pending: lists.pending.map((p) => ({ waitingFor: p.waitingFor, received: day(p.createdAt) })),
    lists: {
      submitted: lists.submitted.map(row),
      intake_planned: lists.intakePlanned.map(row),
      waitlisted: lists.waitlisted.map((r) => ({ ...row(r), position: r.position })),
      admitted: lists.admitted.map(row),
      declined: lists.declined.map(row),
      withdrawn: lists.withdrawn.map(row),
    },
    offer: canRun && firstWaiting && cohort.admittedCount < cohort.maxSize ? { name: firstWaiting.name } : null,
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }];

export async function action({ request, params }: Route.ActionArgs) {
  const { user, municipality, cohort, canRun } = await authorizeCohortApplications(request, params.slug, params.cohortId);
  const { t } = await getTranslator(request);
  const form = formToObject(await readForm(request));
  if (form.intent !== "offer_place" || !canRun) return invalid({ _form: t("validation.invalid") });
  const result = await offerPlaceToWaitlist(municipality.id, cohort.id, user.id);
  if (!result.ok) return invalid({ [result.field]: t(result.message) });
  return redirect(withApplicationNotice(`/beheer/${municipality.slug}/cohorten/${cohort.id}/aanmeldingen`, "aangeboden"));
}

const SECTION_ORDER = ["submitted", "intake_planned", "waitlisted", "admitted", "declined", "withdrawn"] as const;

export default function StaffApplications({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { slug, cohort } = loaderData;
  const base = `/beheer/${slug}/cohorten/${cohort.id}/aanmeldingen`;
  return (
    <>
      <StaffPageHeader title={loaderData.heading} sections={loaderData.sections} notice={loaderData.notice} />
      <p>
        <Link className="utrecht-link" to={`/beheer/${slug}/cohorten`}>
          {t("staffApplications.backToCohorts")}
        </Link>
      </p>
      <p className="utrecht-paragraph">{t("staffApplications.places", { admitted: cohort.admitted, max: cohort.max })}</p>
      <ErrorSummary errors={actionData?.errors} labels={{}} />
      {loaderData.offer && (
        <section className="page-section" aria-labelledby="offer-heading">
          <h2 className="utrecht-heading-2" id="offer-heading">
            {t("staffApplications.offer.text", { name: loaderData.offer.name })}
          </h2>
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="offer_place" />
            <SubmitButton>{t("staffApplications.offer.button", { name: loaderData.offer.name })}</SubmitButton>
          </Form>
        </section>
      )}
      <section className="page-section" aria-labelledby="pending-heading">
        <h2 className="utrecht-heading-2" id="pending-heading">
          {t("staffApplications.section.pending")} ({loaderData.pending.length})
        </h2>
        <p className="utrecht-paragraph form-hint">{t("staffApplications.pending.hint")}</p>
        {loaderData.pending.length === 0 ? (
          <p className="utrecht-paragraph">{t("staffApplications.none")}</p>
        ) : (
          <DataTable caption={t("staffApplications.section.pending")} columns={[t("staffApplications.column.waiting"), t("staffApplications.column.received")]}>
            {loaderData.pending.map((p, index) => (
              // The list has no ids to key on (see the loader); its order is fixed by sequence.
              <tr key={index}>
                <td>{t(`staffApplications.pending.${p.waitingFor}`)}</td>
                <td>{p.received}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
      {SECTION_ORDER.map((section) => {
        const rows = loaderData.lists[section];
        const isWaitlist = section === "waitlisted";
        const columns = [
          ...(isWaitlist ? [t("staffApplications.column.position")] : []),
          t("staffApplications.column.name"),
          t("staffApplications.column.age"),
          t("staffApplications.column.received"),
          ...(section === "intake_planned" ? [t("staffApplications.column.intake")] : []),
        ];
        return (
          <section className="page-section" aria-labelledby={`${section}-heading`} key={section}>
            <h2 className="utrecht-heading-2" id={`${section}-heading`}>
              {t(`staffApplications.section.${section}`)} ({rows.length})
            </h2>
            {rows.length === 0 ? (
              <p className="utrecht-paragraph">{t("staffApplications.none")}</p>
            ) : (
              <DataTable caption={t(`staffApplications.section.${section}`)} columns={columns}>
                {rows.map((r) => (
                  <tr key={r.id}>
                    {isWaitlist && <td>{"position" in r ? String(r.position) : ""}</td>}
                    <td>
                      <Link className="utrecht-link" to={`${base}/${r.id}`}>
                        {r.name}
                      </Link>
                    </td>
                    <td>{r.age}</td>
                    <td>{r.received}</td>
                    {section === "intake_planned" && <td>{r.intake}</td>}
                  </tr>
                ))}
              </DataTable>
            )}
          </section>
        );
      })}
    </>
  );
}
