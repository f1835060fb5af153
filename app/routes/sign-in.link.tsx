import { redirect } from "react-router";
import { EmailLinkRequestPage } from "~/features/accounts/email-link-request";
import { requestSignInLink } from "~/features/accounts/email-links.server";
import { getTranslator } from "~/features/accounts/locale.server";
import { mailLimitedAnswer } from "~/features/accounts/responses.server";
import { emailOnlySchema } from "~/features/accounts/schema";
import { getCurrentUser } from "~/features/accounts/session.server";
import { Alert } from "~/components/ui";
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
  return (
    <EmailLinkRequestPage
      title={t("accounts.magicLink.title")}
      answer={actionData}
      sentMessage={(email) => t("accounts.magicLink.sent", { email })}
      submitLabel={t("accounts.magicLink.submit")}
    >
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
    </EmailLinkRequestPage>
  );
}
