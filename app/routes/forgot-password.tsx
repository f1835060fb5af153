import { Link } from "react-router";
import { requestPasswordReset } from "~/features/accounts/email-links.server";
import { getTranslator } from "~/features/accounts/locale.server";
import { mailLimitedAnswer } from "~/features/accounts/responses.server";
import { emailOnlySchema } from "~/features/accounts/schema";
import { ErrorSummary, PostForm, SubmitButton, TextField } from "~/components/form";
import { Alert, PageTitle } from "~/components/ui";
import { formToObject, invalid, parseInput, readForm } from "~/lib/forms.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { Route } from "./+types/forgot-password";

export const handle = { hydrate: false };

export async function loader({ request }: Route.LoaderArgs) {
  const { t } = await getTranslator(request);
  return { title: `${t("accounts.forgotPassword.title")} — Buurtkracht` };
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }];

export async function action({ request }: Route.ActionArgs) {
  const { locale, t } = await getTranslator(request);
  const values = formToObject(await readForm(request));
  const parsed = parseInput(emailOnlySchema, values, locale, t);
  if (!parsed.ok) return invalid(parsed.errors, values);
  if ((await requestPasswordReset(request, parsed.data.email)) === "limited") return mailLimitedAnswer(t, values);
  return { ok: true as const, sentTo: parsed.data.email };
}

export default function ForgotPassword({ actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const errors = actionData?.ok === false ? actionData.errors : undefined;
  const values: Record<string, string | undefined> = actionData?.ok === false ? actionData.values : {};
  return (
    <div className="page-narrow">
      <PageTitle>{t("accounts.forgotPassword.title")}</PageTitle>
      {actionData?.ok === true ? (
        <Alert type="ok">
          <p className="utrecht-paragraph">{t("accounts.forgotPassword.sent", { email: actionData.sentTo })}</p>
        </Alert>
      ) : (
        <>
          <p className="utrecht-paragraph">{t("accounts.forgotPassword.intro")}</p>
          <ErrorSummary errors={errors} />
          <PostForm>
            <TextField name="email" type="email" label={t("accounts.field.email")} required autoComplete="email" maxLength={254} defaultValue={values.email} errors={errors} />
            <div className="button-row">
              <SubmitButton>{t("accounts.forgotPassword.submit")}</SubmitButton>
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
