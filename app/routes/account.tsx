import { Link, redirect } from "react-router";
import { LanguageField, NewPasswordField } from "~/features/accounts/account-fields";
import { changePassword, isTwoFactorRequired } from "~/features/accounts/account-security.server";
import { getTranslator, localeCookie } from "~/features/accounts/locale.server";
import { describeMemberships } from "~/features/accounts/reads.server";
import { formError, lockedAnswer } from "~/features/accounts/responses.server";
import { changePasswordSchema, profileSchema } from "~/features/accounts/schema";
import { getCurrentUser, requireUser } from "~/features/accounts/session.server";
import { updateProfile } from "~/features/accounts/writes.server";
import { ErrorSummary, PostForm, SubmitButton, TextField } from "~/components/form";
import { Alert, PageTitle, Section } from "~/components/ui";
import { formToObject, invalid, parseInput, readForm } from "~/lib/forms.server";
import { capitalise } from "~/lib/i18n";
import { useTranslation } from "~/lib/i18n/use-translation";
import { OWN_PRACTICE_PATHS } from "~/features/practice/urls";
import type { Route } from "./+types/account";

export const handle = { hydrate: false };

export async function loader({ request }: Route.LoaderArgs) {
  const url = new URL(request.url);
  // An expired confirmation link comes back here with ?error=…, usually without a session.
  if (url.searchParams.has("error") && !(await getCurrentUser(request))) throw redirect("/inloggen?melding=bevestiging-mislukt");
  const user = await requireUser(request);
  const { t } = await getTranslator(request);
  const saved = url.searchParams.get("opgeslagen");
  return {
    title: `${t("accounts.account.title")} — Buurtkracht`,
    profile: { name: user.name, email: user.email, locale: user.locale },
    memberships: await describeMemberships(user.id),
    twoFactorEnabled: user.twoFactorEnabled,
    twoFactorRequired: isTwoFactorRequired(user),
    saved: saved === "profiel" ? ("profile" as const) : saved === "wachtwoord" ? ("password" as const) : null,
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }];

export async function action({ request }: Route.ActionArgs) {
  const user = await requireUser(request);
  const { locale, t } = await getTranslator(request);
  const values = formToObject(await readForm(request));
  if (values.intent === "password") {
    const parsed = parseInput(changePasswordSchema, values, locale, t);
    if (!parsed.ok) return invalid(parsed.errors, values);
    const result = await changePassword(request, user, parsed.data);
    if (result.outcome === "locked") return lockedAnswer(t, result.lockedUntil, values);
    if (result.outcome === "wrong-password") return invalid({ currentPassword: t("accounts.account.wrongPassword") }, values);
    throw redirect("/account?opgeslagen=wachtwoord", { headers: result.headers });
  }
  if (values.intent !== "profile") return formError(t("validation.invalid"), values);
  const parsed = parseInput(profileSchema, values, locale, t);
  if (!parsed.ok) return invalid(parsed.errors, values);
  await updateProfile(user.id, parsed.data);
  // The language switch's cookie wins over the profile, so it follows the saved language.
  throw redirect("/account?opgeslagen=profiel", { headers: { "Set-Cookie": localeCookie(parsed.data.locale) } });
}

export default function Account({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { profile } = loaderData;
  const errors = actionData?.errors;
  const values: Record<string, string | undefined> = actionData?.values ?? {};
  const passwordForm = values.intent === "password";
  return (
    <div className="page-narrow">
      <PageTitle>{t("accounts.account.title")}</PageTitle>
      <p className="utrecht-paragraph">{t("accounts.account.signedInAs", { email: profile.email })}</p>
      {/* After a post with errors the summary is the one message: the earlier notice gives way. */}
      {loaderData.saved && !errors && (
        <Alert type="ok">
          <p className="utrecht-paragraph">{t(loaderData.saved === "profile" ? "accounts.account.profileSaved" : "accounts.account.passwordChanged")}</p>
        </Alert>
      )}
      {loaderData.twoFactorRequired && !loaderData.twoFactorEnabled && (
        <Alert type="warning">
          <p className="utrecht-paragraph">
            {t("accounts.account.twoFactorRequired")}{" "}
            <Link className="utrecht-link" to="/account/tweestapsverificatie?required=1">
              {t("accounts.account.manageTwoFactor")}
            </Link>
          </p>
        </Alert>
      )}
      <Section title={t("accounts.account.profile")}>
        {!passwordForm && <ErrorSummary errors={errors} labels={{ name: t("accounts.field.name") }} />}
        <PostForm>
          <input type="hidden" name="intent" value="profile" />
          <TextField name="name" label={t("accounts.field.name")} required autoComplete="name" maxLength={100} defaultValue={passwordForm ? profile.name : (values.name ?? profile.name)} errors={passwordForm ? undefined : errors} />
          <LanguageField defaultValue={profile.locale} errors={passwordForm ? undefined : errors} />
          <p className="utrecht-paragraph">{t("accounts.account.emailNote", { email: profile.email })}</p>
          <div className="button-row">
            <SubmitButton>{t("accounts.account.saveProfile")}</SubmitButton>
          </div>
        </PostForm>
      </Section>
      <Section title={t("accounts.account.password")}>
        {passwordForm && <ErrorSummary errors={errors} labels={{ currentPassword: t("accounts.field.currentPassword"), newPassword: t("accounts.field.newPassword") }} />}
        <PostForm>
          <input type="hidden" name="intent" value="password" />
          <input type="hidden" name="username" value={profile.email} autoComplete="username" />
          <TextField name="currentPassword" type="password" label={t("accounts.field.currentPassword")} required autoComplete="current-password" maxLength={128} errors={passwordForm ? errors : undefined} />
          <NewPasswordField name="newPassword" label={t("accounts.field.newPassword")} errors={passwordForm ? errors : undefined} />
          <div className="button-row">
            <SubmitButton>{t("accounts.account.changePassword")}</SubmitButton>
          </div>
        </PostForm>
      </Section>
      <Section title={t("accounts.account.roles")}>
        {loaderData.memberships.length === 0 ? (
          <p className="utrecht-paragraph">{t("accounts.account.noRoles")}</p>
        ) : (
          <ul className="utrecht-unordered-list">
            {loaderData.memberships.map((m) => (
              <li className="utrecht-unordered-list__item" key={`${m.role}-${m.municipalityName}-${m.partnerName}`}>
                {capitalise(
                  m.partnerName && m.municipalityName
                    ? t("accounts.account.rolePartner", { role: t(`role.${m.role}`), partner: m.partnerName, municipality: m.municipalityName })
                    : m.municipalityName
                      ? t("accounts.account.roleIn", { role: t(`role.${m.role}`), place: m.municipalityName })
                      : t(`role.${m.role}`),
                )}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={t("timeline.title")}>
        <p className="utrecht-paragraph">{t("timeline.intro")}</p>
        <p className="utrecht-paragraph">
          <Link className="utrecht-link link-block" to={OWN_PRACTICE_PATHS.timeline}>
            {t("timeline.link")}
          </Link>
        </p>
      </Section>
      <Section title={t("privacy.account.section")}>
        <p className="utrecht-paragraph">{t("privacy.account.body")}</p>
        <p className="utrecht-paragraph">
          <Link className="utrecht-link link-block" to="/account/mijn-gegevens">
            {t("privacy.account.link")}
          </Link>
        </p>
      </Section>
      <Section title={t("accounts.account.twoFactor")}>
        <p className="utrecht-paragraph">{t(loaderData.twoFactorEnabled ? "accounts.account.twoFactorOn" : "accounts.account.twoFactorOff")}</p>
        <p className="utrecht-paragraph">
          <Link className="utrecht-link link-block" to="/account/tweestapsverificatie">
            {t(loaderData.twoFactorEnabled ? "accounts.account.viewTwoFactor" : "accounts.account.manageTwoFactor")}
          </Link>
        </p>
      </Section>
    </div>
  );
}
