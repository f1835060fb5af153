import { Link, redirect } from "react-router";
import { NewPasswordField } from "~/features/accounts/account-fields";
import { resetPassword } from "~/features/accounts/email-links.server";
import { getTranslator } from "~/features/accounts/locale.server";
import { formError } from "~/features/accounts/responses.server";
import { resetPasswordSchema } from "~/features/accounts/schema";
import { ErrorSummary, PostForm, SubmitButton } from "~/components/form";
import { Alert, PageTitle } from "~/components/ui";
import { formToObject, invalid, parseInput, readForm } from "~/lib/forms.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { Route } from "./+types/reset-password";

export const handle = { hydrate: false };

export async function loader({ request }: Route.LoaderArgs) {
  const { t } = await getTranslator(request);
  const url = new URL(request.url);
  // better-auth's link check sends people here with ?token=… or, for a bad link, ?error=INVALID_TOKEN.
  const token = url.searchParams.get("token");
  return { title: `${t("accounts.resetPassword.title")} — Buurtkracht`, token: token && !url.searchParams.has("error") ? token.slice(0, 200) : null };
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }];

export async function action({ request }: Route.ActionArgs) {
  const { locale, t } = await getTranslator(request);
  const values = formToObject(await readForm(request));
  const parsed = parseInput(resetPasswordSchema, values, locale, t);
  if (!parsed.ok) return invalid(parsed.errors, values);
  if ((await resetPassword(request, parsed.data)) === "invalid-token") return formError(t("accounts.resetPassword.invalidToken"), values);
  throw redirect("/inloggen?melding=wachtwoord-hersteld");
}

/** The way out of a reset link that is unknown, used or expired. */
function RequestNewLink() {
  const { t } = useTranslation();
  return (
    <p className="utrecht-paragraph">
      <Link className="utrecht-link link-block" to="/wachtwoord-vergeten">
        {t("accounts.resetPassword.requestNew")}
      </Link>
    </p>
  );
}

export default function ResetPassword({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const errors = actionData?.errors;
  if (!loaderData.token) {
    return (
      <div className="page-narrow">
        <PageTitle>{t("accounts.resetPassword.title")}</PageTitle>
        <Alert type="warning">
          <p className="utrecht-paragraph">{t("accounts.resetPassword.invalidToken")}</p>
        </Alert>
        <RequestNewLink />
      </div>
    );
  }
  return (
    <div className="page-narrow">
      <PageTitle>{t("accounts.resetPassword.title")}</PageTitle>
      <p className="utrecht-paragraph">{t("accounts.resetPassword.intro")}</p>
      <ErrorSummary errors={errors} labels={{ newPassword: t("accounts.field.newPassword") }} />
      <PostForm>
        <input type="hidden" name="token" value={loaderData.token} />
        <NewPasswordField name="newPassword" label={t("accounts.field.newPassword")} errors={errors} />
        <div className="button-row">
          <SubmitButton>{t("accounts.resetPassword.submit")}</SubmitButton>
        </div>
      </PostForm>
      {errors?._form && <RequestNewLink />}
    </div>
  );
}
