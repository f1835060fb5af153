import { Link } from "react-router";
import { openStaffPage } from "~/features/municipalities/staff-page.server";
import { isMinorToday } from "~/features/practice/minors";
import { listSupervisorPlacements } from "~/features/practice/placements-reads.server";
import { hoursSummary } from "~/features/practice/hours-reads.server";
import { formatHours } from "~/features/practice/hours-view";
import { listTraineePaths } from "~/features/practice/path-facts.server";
import { findPracticeActivity } from "~/features/practice/practice-activity-reads.server";
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
  const minors = rows.filter((r) => isMinorToday(r.traineeDateOfBirth));
  if (minors.length > 0) {
    // The list names minors and their placements: one access-log row per trainee shown.
    await db().transaction(async (tx) => {
      for (const row of minors) {
        await logPersonalDataAccess(tx, { actor: user.actor, municipalityId: municipality.id, subject: { userId: row.traineeUserId }, resource: "placement" });
      }
    });
  }
  // What needs the supervisor's attention per trainee: hours to sign off, an activity to review, how far they are.
  const active = rows.filter((r) => r.status === "active");
  const [paths, hours, practiceActivities] = await Promise.all([
    listTraineePaths(municipality.id, { enrolmentIds: active.map((r) => r.enrolmentId) }),
    hoursSummary(municipality.id, active.map((r) => r.id)),
    Promise.all(active.map((r) => findPracticeActivity(municipality.id, r.id))),
  ]);
  const view = (r: (typeof rows)[number]) => {
    const path = paths.find((p) => p.placementId === r.id);
    const activityIndex = active.indexOf(r);
    return {
      id: r.id,
      traineeName: r.traineeName,
      partnerName: r.partnerName,
      meeting: formatInZone(r.handoverAt, locale),
      place: r.handoverPlace,
      since: r.startedAt ? formatInZone(r.startedAt, locale, { dateStyle: "long" }) : "",
      signedOffHours: formatHours(path?.signedOffMinutes ?? 0, locale),
      targetHours: path?.targetHours ?? 0,
      waitingHours: formatHours(hours.get(r.id)?.submittedMinutes ?? 0, locale),
      hasWaitingHours: (hours.get(r.id)?.submittedMinutes ?? 0) > 0,
      activityInReview: activityIndex >= 0 && practiceActivities[activityIndex]?.status === "in_review",
    };
  };
  return {
    ...page,
    slug: municipality.slug,
    proposals: rows.filter((r) => r.status === "proposed").map(view),
    trainees: active.map(view),
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
                <br />
                {t("handover.area.traineeHours", { signedOff: p.signedOffHours, target: p.targetHours })}
                {p.hasWaitingHours && (
                  <>
                    {" · "}
                    <Link className="utrecht-link" to={placementPath(slug, p.id, "uren")}>
                      {t("handover.area.traineeWaitingHours", { hours: p.waitingHours })}
                    </Link>
                  </>
                )}
                {p.activityInReview && (
                  <>
                    {" · "}
                    <Link className="utrecht-link" to={placementPath(slug, p.id, "activiteit")}>
                      {t("handover.area.traineeActivityInReview")}
                    </Link>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
