import { data } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { publicActivityPath } from "~/features/activities/urls";
import { referralCookie } from "~/features/recruitment/policy";
import { findInviteLanding } from "~/features/recruitment/reads.server";
import { MunicipalityBanner, municipalityThemeStyle } from "~/components/municipality-theme";
import { PageTitle } from "~/components/ui";
import { useTranslation } from "~/lib/i18n/use-translation";
import { formatInZone } from "~/lib/time";
import inviteCss from "~/styles/recruitment.css?url";
import type { Route } from "./+types/invite-landing";

/**
 * /doe-mee/:code — where an invite link or its QR code lands: who invites you (a first name or a
 * team's name, nothing else), their upcoming activities, and the calendar. A usable code is kept
 * for this visit in a session cookie, so a sign-up later in the visit counts for them (ADR 032).
 * Any other code gets the same 404 page, which says nothing about the code and sets nothing.
 */
export const handle = { hydrate: false };
export const headers: Route.HeadersFunction = ({ loaderHeaders }) => loaderHeaders;
export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: inviteCss }];

export async function loader({ request, params }: Route.LoaderArgs) {
  const { t } = await getTranslator(request);
  const landing = await findInviteLanding(params.code);
  if (!landing) {
    return data({ found: false as const, title: `${t("recruitment.landing.notFound.title")} — Buurtkracht` }, { status: 404 });
  }
  const { municipality } = landing;
  const theme = { slug: municipality.slug, name: municipality.name, themeColour: municipality.themeColour, logoPath: municipality.logoPath };
  const heading =
    landing.inviter.kind === "person"
      ? t("recruitment.landing.personInvites", { name: landing.inviter.firstName })
      : t("recruitment.landing.teamInvites", { name: landing.inviter.name });
  return data(
    {
      found: true as const,
      title: `${heading} — ${municipality.name} — Buurtkracht`,
      heading,
      municipality: theme,
      municipalityTheme: theme,
      calendarPath: `/${municipality.slug}/activiteiten`,
      activities: landing.activities.map((activity) => ({
        id: activity.id,
        title: activity.title,
        path: publicActivityPath(municipality.slug, activity.id),
        startsAt: activity.startsAt.toISOString(),
        location: activity.location,
      })),
    },
    { headers: { "Set-Cookie": referralCookie(landing.code, new URL(request.url).protocol === "https:"), "Cache-Control": "private, no-store" } },
  );
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }, { name: "robots", content: "noindex" }];

export default function InviteLanding({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useTranslation();
  if (!loaderData.found) {
    return (
      <>
        <PageTitle>{t("recruitment.landing.notFound.title")}</PageTitle>
        <p className="utrecht-paragraph">{t("recruitment.landing.notFound.body")}</p>
        <p className="utrecht-paragraph page-link">
          <a className="utrecht-link" href="/activiteiten">
            {t("recruitment.landing.notFound.calendar")}
          </a>
        </p>
      </>
    );
  }
  const { municipality } = loaderData;
  return (
    <div style={municipalityThemeStyle(municipality.themeColour)}>
      <MunicipalityBanner municipality={municipality} />
      <PageTitle>{loaderData.heading}</PageTitle>
      <p className="utrecht-paragraph">{t("recruitment.landing.intro", { municipality: municipality.name })}</p>
      {loaderData.activities.length > 0 ? (
        <section aria-labelledby="invite-activities">
          <h2 className="utrecht-heading-2" id="invite-activities">
            {t("recruitment.landing.activities")}
          </h2>
          <ul className="utrecht-unordered-list invite-activities">
            {loaderData.activities.map((activity) => (
              <li key={activity.id}>
                <a className="utrecht-link" href={activity.path}>
                  {activity.title}
                </a>
                <br />
                <time dateTime={activity.startsAt}>{formatInZone(new Date(activity.startsAt), locale)}</time>, {activity.location}
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <p className="utrecht-paragraph">{t("recruitment.landing.noActivities")}</p>
      )}
      <p className="utrecht-paragraph page-link">
        <a className="utrecht-link" href={loaderData.calendarPath}>
          {t("recruitment.landing.calendar", { municipality: municipality.name })}
        </a>
      </p>
    </div>
  );
}
