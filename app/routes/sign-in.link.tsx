import { Link, redirect } from "react-router";
import { requestSignInLink } from "~/features/accounts/email-links.server";
import { getTranslator } from "~/features/accounts/locale.server";
import { mailLimitedAnswer } from "~/features/accounts/responses.server";
import { emailOnlySchema } from "~/features/accounts/schema";
import { getCurrentUser } from "~/features/accounts/session.server";
import { ErrorSummary, PostForm, SubmitButton, TextField } from "~/components/form";
import { Alert, PageTitle } from "~/components/ui";
import { formToObject, invalid, parseInput, readForm } from "~/lib/forms.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { Route } from "./+types/sign-in.link";

export const handle = { hydrate: false };

export async function loader({ request }: Route.LoaderArgs) {
  if (await getCurrentUser(request)) throw redirect("/account");
  const { t } = await getTranslator(request);
  const link = new URL(request.url).searchParams.get("link");
  return {
    title: `${t("accounts.magicLink.title")} — Buurtkracht`,
    notice: link === "ongeldig" ? ("invalid" as const) : link === "tweestaps" ? ("refused" as const) : null,
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }];

export async function action({ request }: Route.ActionArgs) {
  const { locale, t } = await getTranslator(request);
  const values = formToObject(await readForm(request));
  const parsed = parseInput(emailOnlySchema, values, locale, t);
  if (!parsed.ok) return invalid(parsed.errors, values);
  if ((await requestSignInLink(request, parsed.data.email)) === "limited") return mailLimitedAnswer(t, values);
  return { ok: true as const, sentTo: parsed.data.email };
}

export default function SignInLink({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const errors = actionData?.ok === false ? actionData.errors : undefined;
  const values: Record<string, string | undefined> = actionData?.ok === false ? actionData.values : {};
  return (
    <div className="page-narrow">
      <PageTitle>{t("accounts.magicLink.title")}</PageTitle>
      {actionData?.ok === true ? (
        <Alert type="ok">
          <p className="utrecht-paragraph">{t("accounts.magicLink.sent", { email: actionData.sentTo })}</p>
        </Alert>
      ) : (
        <>
          {loaderData.notice === "invalid" && (
            <Alert type="warning">
              <p className="utrecht-paragraph">{t("accounts.magicLink.invalid")}</p>
            </Alert>
          )}
          {loaderData.notice === "refused" && (
            <Alert type="warning">
              <p className="utrecht-paragraph">{t("accounts.magicLink.refused")}</p>
            </Alert>
          )}
          <p className="utrecht-paragraph">{t("accounts.magicLink.intro")}</p>
          <p className="utrecht-paragraph">{t("accounts.magicLink.twoFactorNote")}</p>
          <ErrorSummary errors={errors} />
          <PostForm>
            <TextField name="email" type="email" label={t("accounts.field.email")} required autoComplete="email" maxLength={254} defaultValue={values.email} errors={errors} />
            <div className="button-row">
              <SubmitButton>{t("accounts.magicLink.submit")}</SubmitButton>
            </div>
          </PostForm>
        </>
      )}
      <p className="utrecht-paragraph">
        <Link className="utrecht-link link-block" to="/inloggen">
          {t("accounts.magicLink.withPassword")}
        </Link>
      </p>
    </div>
  );
}
