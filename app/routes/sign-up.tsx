import { Link, redirect } from "react-router";
import { LanguageField, NewPasswordField } from "~/features/accounts/account-fields";
import { signUp } from "~/features/accounts/email-links.server";
import { getTranslator } from "~/features/accounts/locale.server";
import { mailLimitedAnswer } from "~/features/accounts/responses.server";
import { signUpSchema } from "~/features/accounts/schema";
import { getCurrentUser } from "~/features/accounts/session.server";
import { ErrorSummary, PostForm, SubmitButton, TextField } from "~/components/form";
import { Alert, PageTitle } from "~/components/ui";
import { formToObject, invalid, parseInput, readForm } from "~/lib/forms.server";
import { safeRedirectPath } from "~/lib/http.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { Route } from "./+types/sign-up";

export const handle = { hydrate: false };

export async function loader({ request }: Route.LoaderArgs) {
  const query = new URL(request.url).searchParams;
  // An invitation sends people here with its own address and itself as the place to come back to.
  const redirectTo = safeRedirectPath(query.get("redirectTo"), "/account");
  if (await getCurrentUser(request)) throw redirect(redirectTo);
  const { t } = await getTranslator(request);
  const email = query.get("email")?.slice(0, 254) ?? "";
  return { title: `${t("accounts.signUp.title")} — Buurtkracht`, redirectTo, email };
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }];

export async function action({ request }: Route.ActionArgs) {
  const { locale, t } = await getTranslator(request);
  const values = formToObject(await readForm(request));
  const parsed = parseInput(signUpSchema, values, locale, t);
  if (!parsed.ok) return invalid(parsed.errors, values);
  const redirectTo = safeRedirectPath(parsed.data.redirectTo, "/account");
  if ((await signUp(request, { ...parsed.data, redirectTo })) === "limited") return mailLimitedAnswer(t, values);
  // The same answer for a new and an existing address: the page never tells whether one has an account.
  return { ok: true as const, sentTo: parsed.data.email };
}

export default function SignUp({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useTranslation();
  if (actionData?.ok) {
    return (
      <div className="page-narrow">
        <PageTitle>{t("accounts.signUp.checkMail.title")}</PageTitle>
        <Alert type="ok">
          <p className="utrecht-paragraph">{t("accounts.signUp.checkMail.body", { email: actionData.sentTo })}</p>
        </Alert>
        <p className="utrecht-paragraph">{t("accounts.signUp.checkMail.noMail")}</p>
        <p className="utrecht-paragraph">
          <Link className="utrecht-link link-block" to="/inloggen">
            {t("nav.signIn")}
          </Link>
        </p>
      </div>
    );
  }
  const errors = actionData?.errors;
  const values = actionData?.values ?? {};
  return (
    <div className="page-narrow">
      <PageTitle>{t("accounts.signUp.title")}</PageTitle>
      <p className="utrecht-paragraph">{t("accounts.signUp.intro")}</p>
      <ErrorSummary
        errors={errors}
        labels={{ name: t("accounts.field.name"), email: t("accounts.field.email"), password: t("accounts.field.password"), locale: t("accounts.field.locale") }}
      />
      <PostForm>
        <input type="hidden" name="redirectTo" value={values.redirectTo ?? loaderData.redirectTo} />
        <TextField name="name" label={t("accounts.field.name")} required autoComplete="name" maxLength={100} defaultValue={values.name} errors={errors} />
        <TextField name="email" type="email" label={t("accounts.field.email")} required autoComplete="email" maxLength={254} defaultValue={values.email ?? loaderData.email} errors={errors} />
        <NewPasswordField name="password" label={t("accounts.field.password")} errors={errors} />
        <LanguageField defaultValue={values.locale ?? locale} errors={errors} />
        <div className="button-row">
          <SubmitButton>{t("accounts.signUp.submit")}</SubmitButton>
        </div>
      </PostForm>
      <p className="utrecht-paragraph">
        {t("accounts.signUp.haveAccount")}{" "}
        <Link className="utrecht-link" to={loaderData.redirectTo === "/account" ? "/inloggen" : `/inloggen?redirectTo=${encodeURIComponent(loaderData.redirectTo)}`}>
          {t("nav.signIn")}
        </Link>
      </p>
    </div>
  );
}
