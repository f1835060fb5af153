import { data, Link, redirect } from "react-router";
import { resendVerification } from "~/features/accounts/email-links.server";
import { getTranslator } from "~/features/accounts/locale.server";
import { formError, lockedAnswer, mailLimitedAnswer } from "~/features/accounts/responses.server";
import { emailOnlySchema, signInSchema } from "~/features/accounts/schema";
import { getCurrentUser } from "~/features/accounts/session.server";
import { signInWithPassword } from "~/features/accounts/sign-in.server";
import { demoSignInHelp } from "~/features/accounts/demo-help.server";
import { DemoAccounts } from "~/components/demo-accounts";
import { ErrorSummary, PostForm, SubmitButton, TextField } from "~/components/form";
import { Alert, PageTitle } from "~/components/ui";
import { formToObject, invalid, parseInput, readForm } from "~/lib/forms.server";
import { safeRedirectPath } from "~/lib/http.server";
import { isMessageKey, type MessageKey } from "~/lib/i18n";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { Route } from "./+types/sign-in";

export const handle = { hydrate: false };

/** Messages other pages send people here with (`?melding=`). */
const NOTICES: Record<string, MessageKey> = {
  "wachtwoord-hersteld": "accounts.signIn.passwordWasReset",
  "bevestiging-mislukt": "accounts.signIn.verifyFailed",
  "tweestaps-verlopen": "accounts.signIn.twoFactorExpired",
};

export async function loader({ request }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const redirectTo = safeRedirectPath(url.searchParams.get("redirectTo"), "/account");
  if (await getCurrentUser(request)) throw redirect(redirectTo);
  const { t } = await getTranslator(request);
  const notice = NOTICES[url.searchParams.get("melding") ?? ""] ?? null;
  return { title: `${t("accounts.signIn.title")} — Buurtkracht`, redirectTo, notice, demo: demoSignInHelp() };
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }];

export async function action({ request }: Route.ActionArgs) {
  const { locale, t } = await getTranslator(request);
  const values = formToObject(await readForm(request));
  if (values.intent === "resend") {
    const parsed = parseInput(emailOnlySchema, values, locale, t);
    if (!parsed.ok) return invalid(parsed.errors, values);
    if ((await resendVerification(request, parsed.data.email)) === "limited") return mailLimitedAnswer(t, values);
    return data({ ok: true as const, resent: true, values: { email: parsed.data.email } });
  }
  const parsed = parseInput(signInSchema, values, locale, t);
  if (!parsed.ok) return invalid(parsed.errors, values);
  const redirectTo = safeRedirectPath(parsed.data.redirectTo, "/account");
  const result = await signInWithPassword(request, parsed.data);
  switch (result.outcome) {
    case "locked":
      return lockedAnswer(t, result.lockedUntil, values);
    case "invalid":
      return formError(t("accounts.signIn.failed"), values);
    case "unverified":
      return formError(t("accounts.signIn.unverified"), values, { unverified: true });
    case "two-factor":
      throw redirect(`/inloggen/tweestaps?redirectTo=${encodeURIComponent(redirectTo)}`, { headers: result.headers });
    case "signed-in":
      throw redirect(result.mustSetUpTwoFactor ? "/account/tweestapsverificatie?required=1" : redirectTo, { headers: result.headers });
    case "expired":
      throw redirect("/inloggen");
  }
}

export default function SignIn({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const errors = actionData?.ok === false ? actionData.errors : undefined;
  const values: Record<string, string | undefined> = actionData?.values ?? {};
  const unverified = actionData?.ok === false && "unverified" in actionData && actionData.unverified === true;
  return (
    <div className="page-narrow">
      <PageTitle>{t("accounts.signIn.title")}</PageTitle>
      {loaderData.notice && isMessageKey(loaderData.notice) && !errors && (
        <Alert type="info">
          <p className="utrecht-paragraph">{t(loaderData.notice)}</p>
        </Alert>
      )}
      {actionData?.ok === true && (
        <Alert type="ok">
          <p className="utrecht-paragraph">{t("accounts.signIn.resent")}</p>
        </Alert>
      )}
      <ErrorSummary errors={errors} labels={{ email: t("accounts.field.email"), password: t("accounts.field.password") }} />
      {unverified && (
        <PostForm>
          <input type="hidden" name="email" value={values.email ?? ""} />
          <div className="button-row">
            <SubmitButton appearance="secondary" name="intent" value="resend">
              {t("accounts.signIn.resend")}
            </SubmitButton>
          </div>
        </PostForm>
      )}
      <PostForm>
        <input type="hidden" name="redirectTo" value={loaderData.redirectTo} />
        <TextField name="email" type="email" label={t("accounts.field.email")} required autoComplete="username" maxLength={254} defaultValue={values.email} errors={errors} />
        <TextField name="password" type="password" label={t("accounts.field.password")} required autoComplete="current-password" maxLength={128} errors={errors} />
        <div className="button-row">
          <SubmitButton name="intent" value="sign-in">
            {t("accounts.signIn.submit")}
          </SubmitButton>
        </div>
      </PostForm>
      <ul className="utrecht-unordered-list">
        <li className="utrecht-unordered-list__item">
          <Link className="utrecht-link" to="/wachtwoord-vergeten">
            {t("accounts.signIn.forgotPassword")}
          </Link>
        </li>
        <li className="utrecht-unordered-list__item">
          <Link className="utrecht-link" to="/inloggen/link">
            {t("accounts.signIn.withLink")}
          </Link>
        </li>
        <li className="utrecht-unordered-list__item">
          {t("accounts.signIn.noAccount")}{" "}
          <Link className="utrecht-link" to="/registreren">
            {t("nav.signUp")}
          </Link>
        </li>
      </ul>
      {loaderData.demo && <DemoAccounts help={loaderData.demo} />}
    </div>
  );
}
