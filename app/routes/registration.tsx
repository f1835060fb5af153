import { getTranslator } from "~/features/accounts/locale.server";
import { publicActivityPath } from "~/features/activities/urls";
import { notFound } from "~/features/authorization/gate.server";
import { cancelRegistrationByToken, findRegistrationByToken } from "~/features/registrations/writes.server";
import { PostForm, SubmitButton } from "~/components/form";
import { Alert, PageTitle } from "~/components/ui";
import { useTranslation } from "~/lib/i18n/use-translation";
import { formatInZone } from "~/lib/time";
import calendarCss from "~/styles/calendar.css?url";
import type { Route } from "./+types/registration";

/**
 * The page behind the link in a registration mail. Opening it changes nothing (mail scanners
 * open links); cancelling takes a POST from the button.
 */
export const handle = { hydrate: false };

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: calendarCss }];

export async function loader({ request, params }: Route.LoaderArgs) {
  const registration = await findRegistrationByToken(params.token);
  if (!registration) throw notFound();
  const { t } = await getTranslator(request);
  return {
    title: t("registration.title"),
    registration: {
      name: registration.name,
      status: registration.status,
      activityTitle: registration.activityTitle,
      activityStartsAt: registration.activityStartsAt,
      // The cancellation mail of an activity links here; its page stays public, saying it does not go ahead.
      activityPath: ["published", "cancelled", "completed"].includes(registration.activityStatus)
        ? publicActivityPath(registration.municipalitySlug, registration.activityId)
        : null,
    },
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { locale } = await getTranslator(request);
  const result = await cancelRegistrationByToken(params.token, locale);
  if (!result) throw notFound();
  return { cancelled: true as const, alreadyCancelled: result.alreadyCancelled };
}

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: `${loaderData?.title ?? "Buurtkracht"} — Buurtkracht` },
  { name: "robots", content: "noindex" },
];

export default function RegistrationPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useTranslation();
  const { registration } = loaderData;
  const status = actionData?.cancelled ? "cancelled" : registration.status;
  return (
    <div className="page-narrow">
      <PageTitle>{t("registration.title")}</PageTitle>
      {actionData?.cancelled && (
        <Alert type="ok">
          <p className="utrecht-paragraph">{t(actionData.alreadyCancelled ? "registration.cancel.already" : "registration.cancel.done")}</p>
        </Alert>
      )}
      <p className="utrecht-paragraph">{t("registration.for", { name: registration.name })}</p>
      <p className="utrecht-paragraph">
        <strong>{registration.activityTitle}</strong>
        <br />
        {formatInZone(registration.activityStartsAt, locale)}
      </p>
      <p className="utrecht-paragraph">{t(`registration.status.${status}`)}</p>
      {status !== "cancelled" && (
        <>
          <p className="utrecht-paragraph">{t("registration.cancel.question")}</p>
          <PostForm>
            <div className="button-row">
              <SubmitButton>{t("registration.cancel.submit")}</SubmitButton>
            </div>
          </PostForm>
        </>
      )}
      {registration.activityPath && (
        <p className="utrecht-paragraph page-link">
          <a className="utrecht-link" href={registration.activityPath}>
            {t("registration.viewActivity")}
          </a>
        </p>
      )}
    </div>
  );
}
