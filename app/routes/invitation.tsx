import { data, Form, Link, redirect } from "react-router";
import { getCurrentUser, requireUser } from "~/features/accounts/session.server";
import { getTranslator } from "~/features/accounts/locale.server";
import { findInvitationByToken } from "~/features/memberships/reads.server";
import { invitationTokenSchema } from "~/features/memberships/schema";
import { acceptInvitation } from "~/features/memberships/writes.server";
import { Alert, PageTitle } from "~/components/ui";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { MessageKey } from "~/lib/i18n";
import type { Route } from "./+types/invitation";

export const handle = { hydrate: false };

type Problem = "unknown" | "used" | "expired" | "wrongAccount";

const PROBLEM_STATUS: Record<Problem, number> = { unknown: 404, used: 410, expired: 410, wrongAccount: 403 };

function problem(kind: Problem, title: string) {
  return data({ state: "problem" as const, problem: kind, title }, { status: PROBLEM_STATUS[kind] });
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { t } = await getTranslator(request);
  const title = `${t("invitation.title")} — Buurtkracht`;
  const token = invitationTokenSchema.safeParse(params.token);
  const invitation = token.success ? await findInvitationByToken(token.data) : null;
  if (!invitation) return problem("unknown", title);
  const user = await getCurrentUser(request);
  const details = {
    role: invitation.role,
    municipalityName: invitation.municipalityName ?? "",
    municipalitySlug: invitation.municipalitySlug,
    partnerName: invitation.partnerName,
    inviterName: invitation.inviterName,
  };
  if (invitation.acceptedAt) {
    // The person who accepted it sees the result again (a reload after accepting); anyone else learns it was used.
    if (user && invitation.acceptedBy === user.id) return data({ state: "accepted" as const, title, ...details });
    return problem("used", title);
  }
  if (invitation.expiresAt.getTime() <= Date.now()) return problem("expired", title);
  const back = new URL(request.url).pathname;
  return data({
    state: "open" as const,
    title,
    ...details,
    invitedEmail: invitation.email,
    signedInAs: user?.email ?? null,
    isForThisAccount: user !== null && user.email.toLowerCase() === invitation.email.toLowerCase(),
    signInHref: `/inloggen?redirectTo=${encodeURIComponent(back)}`,
    signUpHref: `/registreren?redirectTo=${encodeURIComponent(back)}&email=${encodeURIComponent(invitation.email)}`,
  });
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }];

export async function action({ request, params }: Route.ActionArgs) {
  const user = await requireUser(request);
  const { t } = await getTranslator(request);
  const title = `${t("invitation.title")} — Buurtkracht`;
  const token = invitationTokenSchema.safeParse(params.token);
  if (!token.success) return problem("unknown", title);
  const result = await acceptInvitation(token.data, { id: user.id, email: user.email });
  if (result.status !== "accepted") return problem(result.status, title);
  return redirect(new URL(request.url).pathname);
}

const PROBLEM_MESSAGES: Record<Problem, [MessageKey, MessageKey]> = {
  unknown: ["invitation.unknown.title", "invitation.unknown.body"],
  used: ["invitation.used.title", "invitation.used.body"],
  expired: ["invitation.expired.title", "invitation.expired.body"],
  wrongAccount: ["invitation.wrongAccount.title", "invitation.wrongAccount.body"],
};

export default function InvitationPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const shown = actionData ?? loaderData;
  if (shown.state === "problem") {
    const [title, body] = PROBLEM_MESSAGES[shown.problem];
    return (
      <div className="page-narrow">
        <PageTitle>{t(title)}</PageTitle>
        <p className="utrecht-paragraph">{t(body)}</p>
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to="/">
            {t("error.backHome")}
          </Link>
        </p>
      </div>
    );
  }
  const invitation = loaderData.state === "problem" ? null : loaderData;
  if (!invitation) return null;
  const role = t(`role.${invitation.role}`);
  const place = invitation.partnerName
    ? t("mail.invitation.placePartner", { partner: invitation.partnerName, municipality: invitation.municipalityName })
    : invitation.municipalityName;
  if (invitation.state === "accepted") {
    return (
      <div className="page-narrow">
        <PageTitle>{t("invitation.accepted.title")}</PageTitle>
        <Alert type="ok">
          <p className="utrecht-paragraph">{t("invitation.accepted.body", { role, place })}</p>
        </Alert>
        {invitation.municipalitySlug && (
          <p className="utrecht-paragraph">
            <Link className="utrecht-link" to={`/beheer/${invitation.municipalitySlug}`}>
              {t("invitation.accepted.toStaffArea", { name: invitation.municipalityName })}
            </Link>
          </p>
        )}
      </div>
    );
  }
  return (
    <div className="page-narrow">
      <PageTitle>{t("invitation.title")}</PageTitle>
      <p className="utrecht-paragraph utrecht-paragraph--lead">
        {invitation.inviterName
          ? t("invitation.intro", { inviter: invitation.inviterName, role, place })
          : t("invitation.introAnonymous", { role, place })}
      </p>
      <p className="utrecht-paragraph">{t("invitation.forEmail", { email: invitation.invitedEmail })}</p>
      {invitation.signedInAs === null ? (
        <>
          <p className="utrecht-paragraph">{t("invitation.signInFirst")}</p>
          <ul className="utrecht-unordered-list">
            <li className="utrecht-unordered-list__item">
              <a className="utrecht-link" href={invitation.signInHref}>
                {t("invitation.signIn")}
              </a>
            </li>
            <li className="utrecht-unordered-list__item">
              <a className="utrecht-link" href={invitation.signUpHref}>
                {t("invitation.signUp")}
              </a>
            </li>
          </ul>
        </>
      ) : invitation.isForThisAccount ? (
        <Form method="post" className="form-stack">
          <div className="button-row">
            <button type="submit" className="utrecht-button utrecht-button--primary-action">
              {t("invitation.accept")}
            </button>
          </div>
        </Form>
      ) : (
        <Alert type="warning">
          <p className="utrecht-paragraph">{t("invitation.otherAccount", { email: invitation.signedInAs })}</p>
        </Alert>
      )}
    </div>
  );
}
