import { Link } from "react-router";
import { openStaffPage } from "~/features/municipalities/staff-page.server";
import { isMinor } from "~/features/practice/handover-reads.server";
import { listSupervisorPlacements } from "~/features/practice/placements-reads.server";
import { placementPath } from "~/features/practice/urls";
import { logPersonalDataAccess } from "~/features/privacy/audit.server";
import { StaffPageHeader } from "~/components/staff-nav";
import { db } from "~/lib/db/client.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import { formatInZone } from "~/lib/time";
import type { Route } from "./+types/supervisor-area";
import handoverCss from "~/styles/handover.css?url";

/**
 * The practice supervisor's working area: the proposals that wait for their answer and the
 * trainees they coach, only the placements they supervise themselves.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, municipality, page, locale } = await openStaffPage(request, params.slug, "practice.supervise", "handover.area.title");
  const rows = await listSupervisorPlacements(municipality.id, user.id);
  const minors = rows.filter((r) => isMinor(r.traineeDateOfBirth));
  if (minors.length > 0) {
    // The list names minors and their placements: one access-log row per trainee shown.
    await db().transaction(async (tx) => {
      for (const row of minors) {
        await logPersonalDataAccess(tx, { actor: user.actor, municipalityId: municipality.id, subject: { userId: row.traineeUserId }, resource: "placement" });
      }
    });
  }
  const view = (r: (typeof rows)[number]) => ({
    id: r.id,
    traineeName: r.traineeName,
    partnerName: r.partnerName,
    meeting: formatInZone(r.handoverAt, locale),
    place: r.handoverPlace,
    since: r.startedAt ? formatInZone(r.startedAt, locale, { dateStyle: "long" }) : "",
  });
  return {
    ...page,
    slug: municipality.slug,
    proposals: rows.filter((r) => r.status === "proposed").map(view),
    trainees: rows.filter((r) => r.status === "active").map(view),
  };
}

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: handoverCss }];
export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }, { name: "robots", content: "noindex" }];

export default function SupervisorArea({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { slug } = loaderData;
  return (
    <div className="handover-page">
      <StaffPageHeader title={t("handover.area.title")} sections={loaderData.sections} notice={loaderData.notice} />
      <p className="utrecht-paragraph">{t("handover.area.intro")}</p>
      <section className="page-section" aria-labelledby="voorstellen">
        <h2 className="utrecht-heading-2" id="voorstellen">
          {t("handover.area.proposals")}
        </h2>
        {loaderData.proposals.length === 0 ? (
          <p className="utrecht-paragraph">{t("handover.area.noProposals")}</p>
        ) : (
          <ul className="utrecht-unordered-list">
            {loaderData.proposals.map((p) => (
              <li className="utrecht-unordered-list__item" key={p.id}>
                <Link className="utrecht-link" to={placementPath(slug, p.id)}>
                  {p.traineeName}
                </Link>{" "}
                — {t("handover.area.proposalLine", { partner: p.partnerName, when: p.meeting, place: p.place })}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="page-section" aria-labelledby="cursisten">
        <h2 className="utrecht-heading-2" id="cursisten">
          {t("handover.area.trainees")}
        </h2>
        {loaderData.trainees.length === 0 ? (
          <p className="utrecht-paragraph">{t("handover.area.noTrainees")}</p>
        ) : (
          <ul className="utrecht-unordered-list">
            {loaderData.trainees.map((p) => (
              <li className="utrecht-unordered-list__item" key={p.id}>
                <Link className="utrecht-link" to={placementPath(slug, p.id)}>
                  {p.traineeName}
                </Link>{" "}
                — {t("handover.area.traineeLine", { partner: p.partnerName, since: p.since })}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
