import { Link } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { requireUser } from "~/features/accounts/session.server";
import { OwnPracticeTabs } from "~/features/practice/components/practice-tabs";
import { listOwnPaths, type OwnPath } from "~/features/practice/pipeline-timeline.server";
import { buildTimeline, hasLeftPath, type TimelineItemKey } from "~/features/practice/timeline";
import { PageTitle } from "~/components/ui";
import type { Locale } from "~/lib/i18n";
import { useTranslation } from "~/lib/i18n/use-translation";
import { formatInZone } from "~/lib/time";
import type { Route } from "./+types/my-path";
import pipelineCss from "~/styles/pipeline.css?url";

/**
 * "Mijn traject": the signed-in person's own path from application to Citytrainer certificate,
 * as an ordered list of moments (done, now, to come) per application or enrolment. Every account
 * may open it; someone who never applied sees where to start.
 */
type Detail = { key: string; values?: Record<string, string | number> };

function details(key: TimelineItemKey, path: OwnPath, locale: Locale): Detail[] {
  const day = (value: Date | null) => (value ? formatInZone(value, locale, { dateStyle: "medium" }) : "");
  switch (key) {
    case "course": {
      const out: Detail[] = [];
      if (path.firstSessionAt && path.lastSessionAt) out.push({ key: "timeline.detail.course", values: { first: day(path.firstSessionAt), last: day(path.lastSessionAt) } });
      if (path.enrolmentId && path.sessionsHeld > 0) out.push({ key: "timeline.detail.attendance", values: { attended: path.sessionsAttended, held: path.sessionsHeld } });
      return out;
    }
    case "handover_proposed":
      return path.partnerName ? [{ key: "timeline.detail.partner", values: { partner: path.partnerName } }] : [];
    case "hours":
      return path.placementId ? [{ key: "timeline.detail.hours", values: { signed: Math.floor(path.signedOffMinutes / 6) / 10, target: path.targetHours } }] : [];
    case "practice_activity":
      return path.placementId ? [{ key: `timeline.detail.activity.${path.activityStatus ?? "none"}` }] : [];
    case "final_report":
      return path.placementId ? [{ key: `timeline.detail.report.${path.finalReportStatus ?? "none"}` }] : [];
    case "presentation":
      if (path.presentationGivenAt) return [{ key: "timeline.detail.presentation.given" }];
      return path.ceremonyAt ? [{ key: "timeline.detail.presentation.planned", values: { date: formatInZone(path.ceremonyAt, locale, { dateStyle: "long", timeStyle: "short" }) } }] : [];
    default:
      return [];
  }
}

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const { t, locale } = await getTranslator(request);
  const paths = await listOwnPaths(user.id);
  return {
    hasPlacement: paths.some((path) => path.placementId !== null),
    paths: paths.map((path) => ({
      key: path.key,
      heading: t("timeline.path", { track: path.trackName, cohort: path.cohortName, municipality: path.municipalityName }),
      cohortName: path.cohortName,
      left: hasLeftPath(path),
      items: buildTimeline(path).map((item) => ({
        key: item.key,
        state: item.state,
        at: item.at ? { iso: item.at.toISOString(), text: formatInZone(item.at, locale, { dateStyle: "long" }) } : null,
        details: details(item.key, path, locale),
      })),
    })),
    title: `${t("timeline.title")} — Buurtkracht`,
  };
}

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: pipelineCss }];
export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }, { name: "robots", content: "noindex" }];

export default function MyPath({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { paths } = loaderData;
  return (
    <>
      {loaderData.hasPlacement && <OwnPracticeTabs />}
      <PageTitle>{t("timeline.title")}</PageTitle>
      {paths.length === 0 ? (
        <>
          <p className="utrecht-paragraph">{t("timeline.empty")}</p>
          <p className="utrecht-paragraph">
            <Link className="utrecht-link" to="/activiteiten">
              {t("timeline.emptyLink")}
            </Link>
          </p>
        </>
      ) : (
        <p className="utrecht-paragraph">{t("timeline.intro")}</p>
      )}
      {paths.map((path) => (
        <section key={path.key} aria-labelledby={`traject-${path.key}`}>
          <h2 id={`traject-${path.key}`} className="utrecht-heading-2">
            {path.heading}
          </h2>
          {path.left && <p className="utrecht-paragraph">{t("timeline.left")}</p>}
          <ol className="timeline" aria-label={t("timeline.list", { cohort: path.cohortName })}>
            {path.items.map((item) => (
              <li key={item.key} className={`timeline-item timeline-item--${item.state}`} aria-current={item.state === "current" ? "step" : undefined}>
                <p className="timeline-item__title">
                  <span className="timeline-item__state">{t(`timeline.state.${item.state}`)}:</span>
                  {t(`timeline.item.${item.key}`)}
                  {item.at && item.key !== "presentation" && (
                    <>
                      {" — "}
                      <time dateTime={item.at.iso}>{item.at.text}</time>
                    </>
                  )}
                </p>
                {item.details.map((detail) => (
                  <p key={detail.key} className="form-hint">
                    {/* Detail keys are built from the timeline's own states: all are in the pipeline catalogue. */}
                    {t(detail.key as Parameters<typeof t>[0], detail.values)}
                  </p>
                ))}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </>
  );
}
