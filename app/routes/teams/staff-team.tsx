import { Link } from "react-router";
import { publicActivityPath } from "~/features/activities/urls";
import { publicTeamPath, staffTeamsPath } from "~/features/organisers/urls";
import { logMinorsShown, openStaffTeam } from "~/features/teams/access.server";
import { groupOf } from "~/features/teams/point-groups";
import { loadTeamPage, peopleReached, workItems } from "~/features/teams/reads.server";
import { restsOnOnePerson } from "~/features/teams/one-person";
import { todayInAmsterdam } from "~/features/training/age";
import { DataTable } from "~/components/data-table";
import { StaffPageHeader } from "~/components/staff-nav";
import { Alert } from "~/components/ui";
import { useTranslation } from "~/lib/i18n/use-translation";
import { formatInZone, zonedLocalToUtc } from "~/lib/time";
import type { Route } from "./+types/staff-team";

/**
 * One team for staff: its members and key figures (key figures' addresses, so staff can reach the
 * contact persons), its action points and activities, and whether its work rests on one person.
 * Staff read; the team decides (Movisie: give room and back-up, do not take over).
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, municipality, locale, page, team } = await openStaffTeam(request, params.slug, params.teamId);
  const { members, points, activities } = await loadTeamPage(team);
  await logMinorsShown(user.actor, team, members);
  const today = todayInAmsterdam();
  const names = new Map(members.map((m) => [m.userId, m.name]));
  const day = (date: string) => formatInZone(zonedLocalToUtc(date, "12:00")!, locale, { dateStyle: "medium" });
  return {
    ...page,
    title: `${team.name} — ${municipality.name}`,
    slug: municipality.slug,
    team: { name: team.name, status: team.status, isJunior: team.isJunior, isPublic: team.isPublic, neighbourhood: team.neighbourhoodName, description: team.description, declineReason: team.declineReason },
    publicPath: team.status === "active" && team.isPublic ? publicTeamPath(municipality.slug, team.id) : null,
    members: members.map((m) => ({ userId: m.userId, name: m.name, email: m.isKeyFigure ? m.email : null, isKeyFigure: m.isKeyFigure })),
    points: points
      .map((p) => ({ id: p.id, what: p.what, group: groupOf(p, today), due: day(p.dueOn), agreed: p.votes.filter((v) => v.vote === "agree").length, objected: p.votes.filter((v) => v.vote === "object").length }))
      .filter((p) => p.group !== null),
    activities: activities.map((a) => ({ id: a.activityId, title: a.title, when: formatInZone(a.startsAt, locale, { dateStyle: "medium" }), status: a.status, organiser: a.organiserName, reached: a.reached })),
    reached: peopleReached(activities),
    flags: restsOnOnePerson(workItems(activities, points), new Date()).map((f) => ({ ...f, name: names.get(f.userId) ?? "—" })),
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }, { name: "robots", content: "noindex" }];

export default function StaffTeam({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { team, slug } = loaderData;
  return (
    <>
      <StaffPageHeader title={team.name} sections={loaderData.sections} notice={loaderData.notice} />
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={staffTeamsPath(slug)}>
          {t("teams.staff.backToList")}
        </Link>
      </p>
      <dl className="facts">
        <dt>{t("teams.statusLabel")}</dt>
        <dd>{t(`teams.status.${team.status}`)}</dd>
        <dt>{t("teams.field.neighbourhood")}</dt>
        <dd>{team.neighbourhood ?? "—"}</dd>
        <dt>{t("teams.junior")}</dt>
        <dd>{t(team.isJunior ? "teams.yes" : "teams.no")}</dd>
        <dt>{t("teams.staff.reached")}</dt>
        <dd>{loaderData.reached}</dd>
      </dl>
      {team.description && <p className="utrecht-paragraph plan-text">{team.description}</p>}
      {team.declineReason && (
        <p className="utrecht-paragraph">
          {t("teams.mine.declinedBecause")} {team.declineReason}
        </p>
      )}
      {loaderData.publicPath && (
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to={loaderData.publicPath}>
            {t("teams.page.publicLink")}
          </Link>
        </p>
      )}
      {loaderData.flags.length > 0 && (
        <Alert type="warning">
          <p className="utrecht-paragraph">
            <strong>{t("teams.flag.title")}</strong>
          </p>
          {loaderData.flags.map((flag) => (
            <p key={flag.kind} className="utrecht-paragraph">
              {t(flag.kind === "activity" ? "teams.flag.activities" : "teams.flag.points", { name: flag.name, count: flag.count, total: flag.total })}
            </p>
          ))}
          <p className="utrecht-paragraph">{t("teams.flag.advice")}</p>
        </Alert>
      )}

      <section className="page-section" aria-labelledby="members-heading">
        <h2 className="utrecht-heading-2" id="members-heading">
          {t("teams.members.title")}
        </h2>
        {loaderData.members.length === 0 ? (
          <p className="utrecht-paragraph">{t("teams.members.none")}</p>
        ) : (
          <ul className="utrecht-unordered-list">
            {loaderData.members.map((m) => (
              <li key={m.userId} className="utrecht-unordered-list__item">
                {m.name}
                {m.isKeyFigure && ` (${t("teams.keyFigure")})`}
                {m.email && (
                  <>
                    {" — "}
                    <a className="utrecht-link" href={`mailto:${m.email}`}>
                      {m.email}
                    </a>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="page-section" aria-labelledby="points-heading">
        <h2 className="utrecht-heading-2" id="points-heading">
          {t("teams.points.title")}
        </h2>
        {loaderData.points.length === 0 ? (
          <p className="utrecht-paragraph">{t("teams.points.none")}</p>
        ) : (
          <DataTable caption={t("teams.points.title")} columns={[t("teams.point.what"), t("teams.statusLabel"), t("teams.point.dueOn"), t("teams.staff.answers")]}>
            {loaderData.points.map((p) => (
              <tr key={p.id}>
                <td>{p.what}</td>
                <td>{t(`teams.pointGroup.${p.group!}`)}</td>
                <td>{p.due}</td>
                <td>{t("teams.staff.answerCounts", { agreed: p.agreed, objected: p.objected })}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      <section className="page-section" aria-labelledby="activities-heading">
        <h2 className="utrecht-heading-2" id="activities-heading">
          {t("teams.activities.title")}
        </h2>
        {loaderData.activities.length === 0 ? (
          <p className="utrecht-paragraph">{t("teams.activities.none")}</p>
        ) : (
          <ul className="utrecht-unordered-list">
            {loaderData.activities.map((a) => (
              <li key={a.id} className="utrecht-unordered-list__item">
                {a.status === "published" || a.status === "completed" ? (
                  <Link className="utrecht-link" to={publicActivityPath(slug, a.id)}>
                    {a.title}
                  </Link>
                ) : (
                  a.title
                )}{" "}
                — {a.when}
                {a.organiser && ` — ${t("teams.activities.by", { name: a.organiser })}`}
                {a.reached !== null && ` — ${t("teams.activities.reachedOne", { count: a.reached })}`}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
