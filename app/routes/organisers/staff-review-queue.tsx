import { Link } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { authorizeMunicipality } from "~/features/authorization/gate.server";
import { staffPageData } from "~/features/municipalities/staff-page.server";
import { listReviewQueue, youngOrganisers } from "~/features/organisers/reads.server";
import { staffOrganisedActivityPath } from "~/features/organisers/urls";
import { logPersonalDataAccessForEach } from "~/features/privacy/audit.server";
import { StaffPageHeader } from "~/components/staff-nav";
import { db } from "~/lib/db/client.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import { formatInZone } from "~/lib/time";
import type { Route } from "./+types/staff-review-queue";

/** Residents' plans in review that this coach may review, the earliest submitted first. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, municipality } = await authorizeMunicipality(request, params.slug, "organisers.review");
  const { t, locale } = await getTranslator(request);
  const queue = await listReviewQueue(user.actor, municipality.id);
  const organiserIds = queue.flatMap((row) => (row.organiserUserId ? [row.organiserUserId] : []));
  await logPersonalDataAccessForEach(db(), { actor: user.actor, municipalityId: municipality.id, subjectUserIds: await youngOrganisers(municipality.id, organiserIds), resource: "organised_activity" });
  return {
    ...staffPageData(user, municipality),
    title: `${t("organisers.queue.title")} — ${municipality.name}`,
    plans: queue.map((row) => ({
      href: staffOrganisedActivityPath(municipality.slug, row.activityId),
      title: row.title,
      when: formatInZone(row.startsAt, locale),
      organiser: row.teamName ? `${row.teamName} (${row.organiserName ?? ""})` : (row.organiserName ?? ""),
    })),
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }, { name: "robots", content: "noindex" }];

export default function StaffReviewQueue({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <>
      <StaffPageHeader title={t("organisers.queue.title")} sections={loaderData.sections} />
      {loaderData.plans.length === 0 ? (
        <p className="utrecht-paragraph">{t("organisers.queue.empty")}</p>
      ) : (
        <ul className="utrecht-unordered-list">
          {loaderData.plans.map((plan) => (
            <li key={plan.href} className="utrecht-unordered-list__item">
              <Link className="utrecht-link" to={plan.href}>
                {plan.title}
              </Link>{" "}
              — {plan.when} · {plan.organiser}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
