import { EmailLinkRequestPage } from "~/features/accounts/email-link-request";
import { requestPasswordReset } from "~/features/accounts/email-links.server";
import { getTranslator } from "~/features/accounts/locale.server";
import { mailLimitedAnswer } from "~/features/accounts/responses.server";
import { emailOnlySchema } from "~/features/accounts/schema";
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
  return (
    <EmailLinkRequestPage
      title={t("accounts.forgotPassword.title")}
      answer={actionData}
      sentMessage={(email) => t("accounts.forgotPassword.sent", { email })}
      submitLabel={t("accounts.forgotPassword.submit")}
    >
      <p className="utrecht-paragraph">{t("accounts.forgotPassword.intro")}</p>
    </EmailLinkRequestPage>
  );
}
