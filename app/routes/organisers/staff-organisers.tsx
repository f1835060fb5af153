import { Link, redirect } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { authorizeMunicipality } from "~/features/authorization/gate.server";
import { canInMunicipality } from "~/features/authorization/policy";
import { staffPageData } from "~/features/municipalities/staff-page.server";
import { listOrganisers, listReviewQueue, youngOrganisers } from "~/features/organisers/reads.server";
import { organiserTrustInput } from "~/features/organisers/schema";
import { coachMayReview, setOrganiserTrust } from "~/features/organisers/writes.server";
import { staffOrganisersPath } from "~/features/organisers/urls";
import { getProgrammeSettings } from "~/features/practice/settings-reads.server";
import { logPersonalDataAccessForEach } from "~/features/privacy/audit.server";
import { ErrorSummary } from "~/components/form";
import { StaffPageHeader } from "~/components/staff-nav";
import { db } from "~/lib/db/client.server";
import { formToObject, invalid, parseInput, readForm } from "~/lib/forms.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import { Form } from "react-router";
import type { Route } from "./+types/staff-organisers";

/**
 * The municipality's organisers for coaches: certified Citytrainers and the members who planned
 * team activities, whether each is trusted (and whether that comes from the municipality's setting
 * or a project leader's mark), how many activities they organised (completed with an evaluation)
 * and how many wait in review. A project leader marks or unmarks someone as trusted. Views of
 * young organisers are in the access log. A practice supervisor sees only the organisers whose
 * placement they supervised.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, municipality } = await authorizeMunicipality(request, params.slug, "organisers.review");
  const { t } = await getTranslator(request);
  // A practice supervisor sees only the organisers whose plans they may review (their own former trainees).
  const organisers = [];
  for (const organiser of await listOrganisers(municipality.id)) {
    if (await coachMayReview(user.actor, municipality.id, organiser.userId)) organisers.push(organiser);
  }
  await logPersonalDataAccessForEach(db(), { actor: user.actor, municipalityId: municipality.id, subjectUserIds: await youngOrganisers(municipality.id, organisers.map((o) => o.userId)), resource: "organised_activity" });
  const settings = await getProgrammeSettings(municipality.id);
  return {
    ...staffPageData(user, municipality),
    title: `${t("organisers.staff.title")} — ${municipality.name}`,
    slug: municipality.slug,
    notice: new URL(request.url).searchParams.get("melding") === "vertrouwen" ? "organisers.notice.trustSaved" : null,
    settingPublishesDirectly: settings.certifiedPublishDirectly,
    canManageTrust: canInMunicipality(user.actor, "organisers.manage_trust", municipality.id),
    waiting: (await listReviewQueue(user.actor, municipality.id)).length,
    organisers,
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }, { name: "robots", content: "noindex" }];

export async function action({ request, params }: Route.ActionArgs) {
  const { user, municipality } = await authorizeMunicipality(request, params.slug, "organisers.manage_trust");
  const { locale, t } = await getTranslator(request);
  const parsed = parseInput(organiserTrustInput, formToObject(await readForm(request)), locale, t);
  if (!parsed.ok) return invalid({ _form: t("validation.invalid") });
  const organisers = await listOrganisers(municipality.id);
  const result = await setOrganiserTrust(municipality.id, user.id, parsed.data, new Set(organisers.map((o) => o.userId)));
  if (!result.ok) return invalid({ _form: t(result.message) });
  return redirect(`${staffOrganisersPath(municipality.slug)}?melding=vertrouwen`);
}

export default function StaffOrganisers({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <>
      <StaffPageHeader title={t("organisers.staff.title")} sections={loaderData.sections} notice={loaderData.notice} />
      <ErrorSummary errors={actionData?.errors} labels={{}} />
      <p className="utrecht-paragraph">{loaderData.settingPublishesDirectly ? t("organisers.staff.settingDirect") : t("organisers.staff.settingReview")}</p>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={staffOrganisersPath(loaderData.slug, "beoordelen")}>
          {t("organisers.staff.queueLink", { count: loaderData.waiting })}
        </Link>
      </p>
      {loaderData.organisers.length === 0 ? (
        <p className="utrecht-paragraph">{t("organisers.staff.none")}</p>
      ) : (
        // Scrolls sideways on a phone: a focusable region, so it also scrolls from the keyboard.
        <div className="table-scroll" role="region" aria-labelledby="organisers-caption" tabIndex={0}>
          <table className="utrecht-table">
            <caption className="utrecht-table__caption" id="organisers-caption">
              {t("organisers.staff.caption")}
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">{t("organisers.staff.name")}</th>
                <th className="utrecht-table__header-cell" scope="col">{t("organisers.staff.trust")}</th>
                <th className="utrecht-table__header-cell" scope="col">{t("organisers.staff.organised")}</th>
                <th className="utrecht-table__header-cell" scope="col">{t("organisers.staff.inReview")}</th>
                {loaderData.canManageTrust && <th className="utrecht-table__header-cell" scope="col">{t("organisers.staff.change")}</th>}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {loaderData.organisers.map((organiser) => (
                <tr key={organiser.userId} className="utrecht-table__row">
                  <th className="utrecht-table__header-cell" scope="row">
                    {organiser.name}
                    {!organiser.certified && <> ({t("organisers.staff.teamPlanner")})</>}
                  </th>
                  <td className="utrecht-table__cell">
                    {organiser.trusted ? t("organisers.staff.trusted") : t("organisers.staff.notTrusted")} · {t(`organisers.staff.source.${organiser.source}`)}
                  </td>
                  <td className="utrecht-table__cell">{organiser.organised}</td>
                  <td className="utrecht-table__cell">{organiser.inReview}</td>
                  {loaderData.canManageTrust && (
                    <td className="utrecht-table__cell">
                      <Form method="post">
                        <input type="hidden" name="userId" value={organiser.userId} />
                        {organiser.source === "override" ? (
                          <button className="utrecht-button utrecht-button--subtle" type="submit" name="trust" value="setting">
                            {t("organisers.staff.backToSetting", { name: organiser.name })}
                          </button>
                        ) : null}
                        <button className="utrecht-button utrecht-button--secondary" type="submit" name="trust" value={organiser.trusted ? "not_trusted" : "trusted"}>
                          {organiser.trusted ? t("organisers.staff.markNotTrusted", { name: organiser.name }) : t("organisers.staff.markTrusted", { name: organiser.name })}
                        </button>
                      </Form>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
