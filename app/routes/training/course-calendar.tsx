import { getTranslator } from "~/features/accounts/locale.server";
import { requireUser } from "~/features/accounts/session.server";
import { hasCalendarFeed, listCourseSessionsFor, renewCalendarFeed, sessionSummary } from "~/features/training/calendar-feed.server";
import { PostForm, SubmitButton } from "~/components/form";
import { Alert, PageTitle, Section } from "~/components/ui";
import { useTranslation } from "~/lib/i18n/use-translation";
import { formatInZone } from "~/lib/time";
import type { Route } from "./+types/course-calendar";

/**
 * "Je cursusagenda": a signed-in trainee or course leader makes a personal calendar link for the
 * sessions of their cohorts. The link is shown once, right after it is made (only its hash is
 * stored); making a new one stops the old one.
 */
export const handle = { hydrate: false };

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const { t, locale } = await getTranslator(request);
  const [hasFeed, sessions] = await Promise.all([hasCalendarFeed(user.id), listCourseSessionsFor(user.id, new Date())]);
  return {
    title: `${t("courseCalendar.title")} — Buurtkracht`,
    hasFeed,
    sessions: sessions.slice(0, 50).map((s) => ({
      id: s.id,
      summary: sessionSummary(s, t),
      startsAt: s.startsAt.toISOString(),
      when: `${formatInZone(s.startsAt, locale)} – ${formatInZone(s.endsAt, locale, { timeStyle: "short" })}`,
      location: s.location,
    })),
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }, { name: "robots", content: "noindex" }];

export async function action({ request }: Route.ActionArgs) {
  const user = await requireUser(request);
  // The new link goes into this one answer (not into a redirect's address, where it would linger in the history).
  return { feedUrl: await renewCalendarFeed(user.id) };
}

export default function CourseCalendar({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const feedUrl = actionData?.feedUrl;
  const hasFeed = loaderData.hasFeed || Boolean(feedUrl);
  return (
    <>
      <PageTitle>{t("courseCalendar.title")}</PageTitle>
      <p className="utrecht-paragraph">{t("courseCalendar.intro")}</p>
      {feedUrl ? (
        <>
          <Alert type="ok">
            <p className="utrecht-paragraph">{t("courseCalendar.created")}</p>
          </Alert>
          <div className="utrecht-form-field">
            <label className="utrecht-form-label" htmlFor="feed-url">
              {t("courseCalendar.linkLabel")}
            </label>
            <p className="utrecht-form-field-description" id="feed-url-hint">
              {t("courseCalendar.linkHint")}
            </p>
            <input className="utrecht-textbox utrecht-textbox--html-input" id="feed-url" type="text" readOnly value={feedUrl} aria-describedby="feed-url-hint" />
          </div>
        </>
      ) : (
        <p className="utrecht-paragraph">{loaderData.hasFeed ? t("courseCalendar.hidden") : t("courseCalendar.none")}</p>
      )}
      <PostForm>
        {hasFeed && <p className="utrecht-paragraph form-hint">{t("courseCalendar.renewHint")}</p>}
        <p className="button-row">
          <SubmitButton appearance={hasFeed ? "secondary" : "primary"}>{hasFeed ? t("courseCalendar.renew") : t("courseCalendar.create")}</SubmitButton>
        </p>
      </PostForm>
      <Section title={t("courseCalendar.sessions")}>
        {loaderData.sessions.length === 0 ? (
          <p className="utrecht-paragraph">{t("courseCalendar.noSessions")}</p>
        ) : (
          <ul className="utrecht-unordered-list">
            {loaderData.sessions.map((s) => (
              <li className="utrecht-unordered-list__item" key={s.id}>
                <strong>{s.summary}</strong>
                <br />
                <time dateTime={s.startsAt}>{s.when}</time>, {s.location}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}
