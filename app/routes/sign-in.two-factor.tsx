import { Link, redirect } from "react-router";
import { demoSignInHelp } from "~/features/accounts/demo-help.server";
import { getTranslator } from "~/features/accounts/locale.server";
import { formError, lockedAnswer } from "~/features/accounts/responses.server";
import { twoFactorCodeSchema } from "~/features/accounts/schema";
import { completeTwoFactorSignIn, pendingTwoFactorUser } from "~/features/accounts/sign-in.server";
import { ErrorSummary, PostForm, SubmitButton, TextField } from "~/components/form";
import { Alert, PageTitle } from "~/components/ui";
import { formToObject, invalid, parseInput, readForm } from "~/lib/forms.server";
import { safeRedirectPath } from "~/lib/http.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { Route } from "./+types/sign-in.two-factor";

export const handle = { hydrate: false };

const EXPIRED = "/inloggen?melding=tweestaps-verlopen";

export async function loader({ request }: Route.LoaderArgs) {
  if (!(await pendingTwoFactorUser(request))) throw redirect(EXPIRED);
  const { t } = await getTranslator(request);
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"), "/account");
  const demo = demoSignInHelp();
  return { title: `${t("accounts.twoFactor.title")} — Buurtkracht`, redirectTo, demoSecret: demo?.totpSecret ?? null };
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }];

export async function action({ request }: Route.ActionArgs) {
  const { locale, t } = await getTranslator(request);
  const values = formToObject(await readForm(request));
  const parsed = parseInput(twoFactorCodeSchema, values, locale, t);
  if (!parsed.ok) return invalid(parsed.errors, values);
  const result = await completeTwoFactorSignIn(request, parsed.data.code);
  switch (result.outcome) {
    case "locked":
      return lockedAnswer(t, result.lockedUntil, values);
    case "invalid":
    case "unverified":
      return formError(t("accounts.twoFactor.invalid"), values);
    case "used-code":
      return formError(t("accounts.twoFactor.used"), values);
    case "expired":
      throw redirect(EXPIRED, { headers: result.headers });
    case "two-factor":
    case "signed-in":
      throw redirect(safeRedirectPath(typeof values.redirectTo === "string" ? values.redirectTo : null, "/account"), { headers: result.headers });
  }
}

export default function TwoFactorStep({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const errors = actionData?.errors;
  return (
    <div className="page-narrow">
      <PageTitle>{t("accounts.twoFactor.title")}</PageTitle>
      <p className="utrecht-paragraph">{t("accounts.twoFactor.intro")}</p>
      <ErrorSummary errors={errors} labels={{ code: t("accounts.field.code") }} />
      <PostForm>
        <input type="hidden" name="redirectTo" value={loaderData.redirectTo} />
        <TextField
          name="code"
          label={t("accounts.field.code")}
          description={t("accounts.twoFactor.codeHint")}
          required
          autoComplete="one-time-code"
          maxLength={40}
          errors={errors}
        />
        <div className="button-row">
          <SubmitButton>{t("accounts.twoFactor.submit")}</SubmitButton>
        </div>
      </PostForm>
      {loaderData.demoSecret && (
        <Alert type="info">
          <p className="utrecht-paragraph">{t("accounts.demo.staff", { secret: loaderData.demoSecret })}</p>
        </Alert>
      )}
      <p className="utrecht-paragraph">
        <Link className="utrecht-link link-block" to="/inloggen">
          {t("accounts.twoFactor.startAgain")}
        </Link>
      </p>
    </div>
  );
}
