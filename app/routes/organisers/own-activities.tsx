import { Link } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { OrganiserTabs } from "~/features/organisers/components/organiser-tabs";
import { requireOrganiser } from "~/features/organisers/access.server";
import { OWN_ACTIVITY_GROUPS, ownActivityGroup, type OwnActivityGroup } from "~/features/organisers/policy";
import { listOwnOrganisedActivities } from "~/features/organisers/reads.server";
import { OWN_ORGANISING_PATHS, ownActivityPath } from "~/features/organisers/urls";
import { ButtonLink, PageTitle } from "~/components/ui";
import { useTranslation } from "~/lib/i18n/use-translation";
import { formatInZone } from "~/lib/time";
import type { Route } from "./+types/own-activities";
import courseCss from "~/styles/course.css?url";

/**
 * "Mijn activiteiten": everything the person organises, co-organises or organises with a team,
 * grouped by where it stands, with the number of sign-ups. Someone who may not organise (no
 * Citytrainer certificate, no active team) reads how to become a Citytrainer instead.
 */
export async function loader({ request }: Route.LoaderArgs) {
  const { user, mayOrganise } = await requireOrganiser(request);
  const { t, locale } = await getTranslator(request);
  const rows = await listOwnOrganisedActivities(user.id);
  const now = new Date();
  const groups = new Map<OwnActivityGroup, { activityId: string; title: string; when: string; signUps: number; capacity: number | null; waitlisted: number; teamName: string | null; mine: boolean; extraDates: number; changesRequested: string | null }[]>();
  const seriesSeen = new Map<string, { extraDates: number }>();
  for (const row of rows) {
    const group = ownActivityGroup(row, now);
    const key = row.seriesId ? `${row.seriesId}:${group}` : null;
    const earlier = key ? seriesSeen.get(key) : undefined;
    if (earlier) {
      earlier.extraDates++;
      continue;
    }
    const entry = {
      activityId: row.activityId,
      title: row.title,
      when: formatInZone(row.startsAt, locale),
      signUps: row.confirmedCount,
      capacity: row.capacity,
      waitlisted: row.waitlisted,
      teamName: row.teamName,
      mine: row.organiserUserId === user.id,
      extraDates: 0,
      changesRequested: group === "changes_asked" ? row.changesRequested : null,
    };
    if (key) seriesSeen.set(key, entry);
    groups.set(group, [...(groups.get(group) ?? []), entry]);
  }
  return {
    title: `${t("organisers.mine.title")} — Buurtkracht`,
    mayOrganise,
    groups: OWN_ACTIVITY_GROUPS.flatMap((group) => (groups.get(group) ? [{ group, items: groups.get(group)! }] : [])),
  };
}

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: courseCss }];
export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }, { name: "robots", content: "noindex" }];

export default function OwnActivities({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { groups } = loaderData;
  if (!loaderData.mayOrganise && groups.length === 0) {
    return (
      <div className="my-course">
        <PageTitle>{t("organisers.mine.title")}</PageTitle>
        <p className="utrecht-paragraph">{t("organisers.notYet.intro")}</p>
        <p className="utrecht-paragraph">{t("organisers.notYet.how")}</p>
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to="/">
            {t("organisers.notYet.findCourse")}
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="my-course">
      <OrganiserTabs />
      <PageTitle>{t("organisers.mine.title")}</PageTitle>
      <p className="utrecht-paragraph">{t("organisers.mine.intro")}</p>
      {loaderData.mayOrganise && (
        <p className="button-row">
          <ButtonLink to={OWN_ORGANISING_PATHS.newActivity} appearance="primary">
            {t("organisers.mine.new")}
          </ButtonLink>
        </p>
      )}
      {groups.length === 0 && <p className="utrecht-paragraph">{t("organisers.mine.empty")}</p>}
      {groups.map(({ group, items }) => (
        <section key={group} className="page-section" aria-labelledby={`groep-${group}`}>
          <h2 className="utrecht-heading-2" id={`groep-${group}`}>
            {t(`organisers.group.${group}`)} ({items.length})
          </h2>
          <ul className="utrecht-unordered-list">
            {items.map((item) => (
              <li key={item.activityId} className="utrecht-unordered-list__item">
                <Link className="utrecht-link" to={ownActivityPath(item.activityId)}>
                  {item.title}
                </Link>{" "}
                — {item.when}
                {item.extraDates > 0 && <> {t("organisers.mine.moreDates", { count: item.extraDates })}</>}
                <br />
                {item.capacity === null ? t("organisers.mine.signUps", { count: item.signUps }) : t("organisers.mine.signUpsOf", { count: item.signUps, capacity: item.capacity })}
                {item.waitlisted > 0 && <> · {t("organisers.mine.waitlisted", { count: item.waitlisted })}</>}
                {item.teamName && <> · {t("organisers.mine.asTeam", { team: item.teamName })}</>}
                {!item.mine && !item.teamName && <> · {t("organisers.mine.coOrganised")}</>}
                {item.changesRequested && (
                  <>
                    <br />
                    <strong>{t("organisers.mine.reviewerSaid")}</strong> {item.changesRequested}
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
