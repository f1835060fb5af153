import { data, Link, redirect } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { notFound } from "~/features/authorization/gate.server";
import { requireOwnOrganisedActivity } from "~/features/organisers/access.server";
import { OrganiserTabs } from "~/features/organisers/components/organiser-tabs";
import { listActivityMessages } from "~/features/organisers/reads.server";
import { activityMessageInput, MESSAGE_BODY_MAX, MESSAGE_SUBJECT_MAX, MESSAGES_PER_ACTIVITY_PER_DAY } from "~/features/organisers/schema";
import { sendActivityMessage } from "~/features/organisers/writes.server";
import { ownActivityPath } from "~/features/organisers/urls";
import { CheckboxField, ErrorSummary, PostForm, SubmitButton, TextAreaField, TextField } from "~/components/form";
import { Alert, PageTitle } from "~/components/ui";
import { formToObject, invalid, parseInput, readForm, redisplayableValues } from "~/lib/forms.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import { formatInZone } from "~/lib/time";
import type { Route } from "./+types/own-activity-message";
import courseCss from "~/styles/course.css?url";

/**
 * A short announcement from the organiser (or a co-organiser) to the people signed up for a
 * published activity, by email: a change of place, what to bring. The organiser never sees the
 * recipients' addresses, only how many got it. A few per activity per day; earlier ones are listed.
 */
async function published(request: Request, activityId: string | undefined) {
  const found = await requireOwnOrganisedActivity(request, activityId);
  if (!found.rights.message || found.detail.activity.status !== "published") throw notFound();
  return found;
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { detail } = await published(request, params.activityId);
  const { t, locale } = await getTranslator(request);
  const sent = new URL(request.url).searchParams.get("verstuurd");
  return {
    title: `${t("organisers.message.title")}: ${detail.activity.title} — Buurtkracht`,
    activity: { id: detail.activity.id, title: detail.activity.title },
    sentTo: sent && /^\d{1,6}$/.test(sent) ? Number(sent) : null,
    messages: (await listActivityMessages(detail.activity.id)).map((m) => ({ id: m.id, subject: m.subject, body: m.body, recipientCount: m.recipientCount, sentAt: formatInZone(m.sentAt, locale) })),
  };
}

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: courseCss }];
export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }, { name: "robots", content: "noindex" }];

export async function action({ request, params }: Route.ActionArgs) {
  const { user, detail } = await published(request, params.activityId);
  const { locale, t } = await getTranslator(request);
  const values = formToObject(await readForm(request));
  const parsed = parseInput(activityMessageInput, values, locale, t);
  if (!parsed.ok) return invalid(parsed.errors, values);
  const result = await sendActivityMessage(user.id, detail.activity.id, parsed.data);
  if (!result.ok) {
    if ("limited" in result) return data({ ok: false as const, errors: { _form: t("organisers.message.limited", { count: MESSAGES_PER_ACTIVITY_PER_DAY }) }, values: redisplayableValues(values) }, { status: 429 });
    return invalid({ _form: t(result.message) }, values);
  }
  return redirect(`${ownActivityPath(detail.activity.id, "bericht")}?verstuurd=${result.recipients}`);
}

export default function OwnActivityMessage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const errors = actionData?.errors;
  const sent = (actionData?.values ?? {}) as Record<string, string>;
  return (
    <div className="my-course">
      <OrganiserTabs />
      <PageTitle>{`${t("organisers.message.title")}: ${loaderData.activity.title}`}</PageTitle>
      {loaderData.sentTo !== null && !errors && (
        <Alert type="ok">
          <p className="utrecht-paragraph">{t("organisers.message.sent", { count: loaderData.sentTo })}</p>
        </Alert>
      )}
      <p className="utrecht-paragraph">{t("organisers.message.intro", { count: MESSAGES_PER_ACTIVITY_PER_DAY })}</p>
      <PostForm>
        <ErrorSummary errors={errors} labels={{ subject: t("organisers.message.subject"), body: t("organisers.message.body") }} />
        <TextField name="subject" label={t("organisers.message.subject")} required maxLength={MESSAGE_SUBJECT_MAX} defaultValue={sent.subject} errors={errors} />
        <TextAreaField name="body" label={t("organisers.message.body")} description={t("organisers.message.bodyHint", { max: MESSAGE_BODY_MAX })} required rows={6} maxLength={MESSAGE_BODY_MAX} defaultValue={sent.body} errors={errors} />
        <CheckboxField name="includeWaitlist" label={t("organisers.message.includeWaitlist")} defaultChecked={sent.includeWaitlist === "on"} errors={errors} />
        <div className="button-row">
          <SubmitButton>{t("organisers.message.send")}</SubmitButton>
        </div>
      </PostForm>
      <section className="page-section" aria-labelledby="earlier-heading">
        <h2 className="utrecht-heading-2" id="earlier-heading">
          {t("organisers.message.earlier")}
        </h2>
        {loaderData.messages.length === 0 ? (
          <p className="utrecht-paragraph">{t("organisers.message.none")}</p>
        ) : (
          <ul className="utrecht-unordered-list">
            {loaderData.messages.map((message) => (
              <li key={message.id} className="utrecht-unordered-list__item">
                <strong>{message.subject}</strong> — {message.sentAt} · {t("organisers.message.recipients", { count: message.recipientCount })}
                <p className="utrecht-paragraph plan-text">{message.body}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <p className="button-row">
        <Link className="utrecht-link" to={ownActivityPath(loaderData.activity.id)}>
          {t("organisers.backToActivity")}
        </Link>
      </p>
    </div>
  );
}
