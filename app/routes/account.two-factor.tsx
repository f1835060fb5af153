import { data, Link, redirect } from "react-router";
import {
  confirmTwoFactorSetup,
  disableTwoFactor,
  isTwoFactorRequired,
  mayDisableTwoFactor,
  pendingTwoFactorSetup,
  startTwoFactorSetup,
} from "~/features/accounts/account-security.server";
import { getTranslator } from "~/features/accounts/locale.server";
import { describeMemberships } from "~/features/accounts/reads.server";
import { formError, lockedAnswer } from "~/features/accounts/responses.server";
import { appCodeSchema, passwordOnlySchema } from "~/features/accounts/schema";
import { requireUser } from "~/features/accounts/session.server";
import { STAFF_ROLES } from "~/features/authorization/policy";
import { ErrorSummary, PostForm, SubmitButton, TextField } from "~/components/form";
import { Alert, PageTitle, Section } from "~/components/ui";
import { formToObject, invalid, parseInput, readForm } from "~/lib/forms.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { Route } from "./+types/account.two-factor";

export const handle = { hydrate: false };

const PAGE = "/account/tweestapsverificatie";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const { t } = await getTranslator(request);
  const url = new URL(request.url);
  const required = isTwoFactorRequired(user);
  const staffRoles = required ? [...new Set((await describeMemberships(user.id)).map((m) => m.role).filter((r) => STAFF_ROLES.includes(r)))] : [];
  const status = url.searchParams.get("status");
  return {
    title: `${t("accounts.twoFactorSettings.title")} — Buurtkracht`,
    enabled: user.twoFactorEnabled,
    required,
    staffRoles,
    mayDisable: mayDisableTwoFactor(user),
    pending: await pendingTwoFactorSetup(user),
    status: status === "aan" ? ("enabled" as const) : status === "uit" ? ("disabled" as const) : null,
    requiredSearch: url.searchParams.get("required") === "1" ? "?required=1" : "",
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }];

export async function action({ request }: Route.ActionArgs) {
  const user = await requireUser(request);
  const { locale, t } = await getTranslator(request);
  const values = formToObject(await readForm(request));
  const back = new URL(request.url).search.includes("required=1") ? `${PAGE}?required=1` : PAGE;
  switch (values.intent) {
    case "start": {
      if (user.twoFactorEnabled) throw redirect(back);
      const parsed = parseInput(passwordOnlySchema, values, locale, t);
      if (!parsed.ok) return invalid(parsed.errors, values);
      const result = await startTwoFactorSetup(request, user, parsed.data.password);
      if (result.outcome === "locked") return lockedAnswer(t, result.lockedUntil, values);
      if (result.outcome === "wrong-password") return invalid({ password: t("accounts.account.wrongPassword") }, values);
      // The backup codes are shown with the new secret, once; the loader shows the secret until it is confirmed.
      return data({ ok: true as const, backupCodes: result.backupCodes });
    }
    case "confirm": {
      const parsed = parseInput(appCodeSchema, values, locale, t);
      if (!parsed.ok) return invalid(parsed.errors, values);
      const result = await confirmTwoFactorSetup(request, user, parsed.data.code);
      if (result.outcome === "invalid-code") return invalid({ code: t("accounts.twoFactorSettings.invalidCode") }, values);
      if (result.outcome === "used-code") return invalid({ code: t("accounts.twoFactor.used") }, values);
      // The session is renewed when two-factor sign-in is switched on: its new cookie goes along.
      throw redirect(`${PAGE}?status=aan`, { headers: result.outcome === "enabled" ? result.headers : undefined });
    }
    case "disable": {
      if (!mayDisableTwoFactor(user)) return formError(t("accounts.twoFactorSettings.cannotDisable"), values);
      if (!user.twoFactorEnabled) throw redirect(PAGE);
      const parsed = parseInput(passwordOnlySchema, values, locale, t);
      if (!parsed.ok) return invalid(parsed.errors, values);
      const result = await disableTwoFactor(request, user, parsed.data.password);
      if (result.outcome === "locked") return lockedAnswer(t, result.lockedUntil, values);
      if (result.outcome === "wrong-password") return invalid({ password: t("accounts.account.wrongPassword") }, values);
      throw redirect(`${PAGE}?status=uit`, { headers: result.headers });
    }
    default:
      return formError(t("validation.invalid"), values);
  }
}

function PasswordForm({ intent, submit, errors }: { intent: string; submit: string; errors?: Record<string, string> }) {
  const { t } = useTranslation();
  return (
    <PostForm>
      <input type="hidden" name="intent" value={intent} />
      <TextField
        name="password"
        type="password"
        label={t("accounts.field.password")}
        description={t("accounts.twoFactorSettings.startHint")}
        required
        autoComplete="current-password"
        maxLength={128}
        errors={errors}
      />
      <div className="button-row">
        <SubmitButton appearance={intent === "disable" ? "secondary" : "primary"}>{submit}</SubmitButton>
      </div>
    </PostForm>
  );
}

export default function TwoFactorSettings({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const errors = actionData?.ok === false ? actionData.errors : undefined;
  const backupCodes = actionData?.ok === true ? actionData.backupCodes : null;
  const { pending } = loaderData;
  return (
    <div className="page-narrow">
      <PageTitle>{t("accounts.twoFactorSettings.title")}</PageTitle>
      {loaderData.required && !loaderData.enabled && (
        <Alert type="warning">
          <p className="utrecht-paragraph">
            {t("accounts.twoFactorSettings.required", { roles: loaderData.staffRoles.map((role) => t(`role.${role}`)).join(", ") })}
          </p>
        </Alert>
      )}
      {loaderData.status === "enabled" && !errors && (
        <Alert type="ok">
          <p className="utrecht-paragraph">{t("accounts.twoFactorSettings.enabled")}</p>
        </Alert>
      )}
      {loaderData.status === "disabled" && !errors && (
        <Alert type="ok">
          <p className="utrecht-paragraph">{t("accounts.twoFactorSettings.disabled")}</p>
        </Alert>
      )}
      <p className="utrecht-paragraph">{t("accounts.twoFactorSettings.intro")}</p>
      <p className="utrecht-paragraph">
        <strong>{t(loaderData.enabled ? "accounts.twoFactorSettings.statusOn" : "accounts.twoFactorSettings.statusOff")}</strong>
      </p>
      <ErrorSummary errors={errors} labels={{ password: t("accounts.field.password"), code: t("accounts.field.code") }} />
      {loaderData.enabled ? (
        loaderData.mayDisable ? (
          <Section title={t("accounts.twoFactorSettings.disable")}>
            <PasswordForm intent="disable" submit={t("accounts.twoFactorSettings.disableSubmit")} errors={errors} />
          </Section>
        ) : (
          <p className="utrecht-paragraph">{t("accounts.twoFactorSettings.cannotDisable")}</p>
        )
      ) : pending ? (
        <>
          <Section title={t("accounts.twoFactorSettings.scan")}>
            <p className="utrecht-paragraph">{t("accounts.twoFactorSettings.scanHint")}</p>
            <div className="totp-qr" role="img" aria-label={t("accounts.twoFactorSettings.qrLabel")} dangerouslySetInnerHTML={{ __html: pending.qrSvg }} />
            <p className="utrecht-paragraph">{t("accounts.twoFactorSettings.secretHint")}</p>
            <p className="utrecht-paragraph">
              <code className="totp-secret" data-testid="totp-secret">
                {pending.secret}
              </code>
            </p>
          </Section>
          {backupCodes && (
            <Section title={t("accounts.twoFactorSettings.backupCodes")}>
              <p className="utrecht-paragraph">{t("accounts.twoFactorSettings.backupCodesIntro")}</p>
              <ul className="backup-codes" data-testid="backup-codes">
                {backupCodes.map((code) => (
                  <li key={code}>
                    <code>{code}</code>
                  </li>
                ))}
              </ul>
            </Section>
          )}
          <Section title={t("accounts.twoFactorSettings.confirm")}>
            <PostForm>
              <input type="hidden" name="intent" value="confirm" />
              <TextField name="code" label={t("accounts.field.code")} required autoComplete="one-time-code" inputMode="numeric" maxLength={7} errors={errors} />
              <div className="button-row">
                <SubmitButton>{t("accounts.twoFactorSettings.confirmSubmit")}</SubmitButton>
              </div>
            </PostForm>
          </Section>
          <Section title={t("accounts.twoFactorSettings.restart")}>
            <PasswordForm intent="start" submit={t("accounts.twoFactorSettings.restart")} />
          </Section>
        </>
      ) : (
        <Section title={t("accounts.twoFactorSettings.start")}>
          <PasswordForm intent="start" submit={t("accounts.twoFactorSettings.startSubmit")} errors={errors} />
        </Section>
      )}
      <p className="utrecht-paragraph">
        <Link className="utrecht-link link-block" to="/account">
          {t("accounts.twoFactorSettings.backToAccount")}
        </Link>
      </p>
    </div>
  );
}
