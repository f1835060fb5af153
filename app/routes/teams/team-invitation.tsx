import { data, Form, Link, redirect } from "react-router";
import { getCurrentUser, requireUser } from "~/features/accounts/session.server";
import { getTranslator } from "~/features/accounts/locale.server";
import { ownTeamPath } from "~/features/organisers/urls";
import { hashInvitationToken } from "~/features/memberships/tokens.server";
import { dateOfBirthOf, findTeamInvitationByHash, isMemberOf } from "~/features/teams/reads.server";
import { acceptInvitationInput, teamInvitationToken } from "~/features/teams/schema";
import { acceptTeamInvitation, type AcceptOutcome } from "~/features/teams/writes.server";
import { juniorEligibility } from "~/features/teams/junior";
import { todayInAmsterdam } from "~/features/training/age";
import { CheckboxField, ErrorSummary, SubmitButton } from "~/components/form";
import { Alert, PageTitle } from "~/components/ui";
import { formToObject, readForm } from "~/lib/forms.server";
import type { MessageKey } from "~/lib/i18n";
import { useTranslation } from "~/lib/i18n/use-translation";
import { formatInZone } from "~/lib/time";
import type { Route } from "./+types/team-invitation";

/**
 * The page behind a team invitation (mailed to one address, or a link a key figure shared).
 * Joining needs an account: the page sends people to sign in or create one and brings them back
 * here. A Junior team asks people whose age the platform does not know to confirm they are 25 or younger.
 */
type Problem = "unknown" | "used" | "expired" | "wrongAccount" | "notActive" | "tooOld";
const PROBLEM_STATUS: Record<Problem, number> = { unknown: 404, used: 410, expired: 410, notActive: 410, wrongAccount: 403, tooOld: 403 };

function problem(kind: Problem, title: string) {
  return data({ state: "problem" as const, problem: kind, title }, { status: PROBLEM_STATUS[kind] });
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { t, locale } = await getTranslator(request);
  const title = `${t("teams.invitation.title")} — Buurtkracht`;
  const token = teamInvitationToken.safeParse(params.token);
  const invitation = token.success ? await findTeamInvitationByHash(hashInvitationToken(token.data)) : null;
  if (!invitation) return problem("unknown", title);
  const user = await getCurrentUser(request);
  if (user && (await isMemberOf(invitation.teamId, user.id))) throw redirect(ownTeamPath(invitation.teamId));
  if (invitation.teamStatus !== "active") return problem("notActive", title);
  if (invitation.acceptedAt) return problem("used", title);
  if (invitation.revokedAt || invitation.expiresAt.getTime() <= Date.now()) return problem("expired", title);
  const back = new URL(request.url).pathname;
  const dateOfBirth = user ? await dateOfBirthOf(user.id) : null;
  return data({
    state: "open" as const,
    title,
    teamName: invitation.teamName,
    municipalityName: invitation.municipalityName,
    inviterName: invitation.inviterName,
    isJunior: invitation.isJunior,
    askAge: invitation.isJunior && juniorEligibility(dateOfBirth, todayInAmsterdam()) === "unknown",
    invitedEmail: invitation.email,
    until: formatInZone(invitation.expiresAt, locale, { dateStyle: "long" }),
    signedInAs: user?.email ?? null,
    isForThisAccount: user !== null && (invitation.email === null || user.email.toLowerCase() === invitation.email),
    signInHref: `/inloggen?redirectTo=${encodeURIComponent(back)}`,
    signUpHref: `/registreren?redirectTo=${encodeURIComponent(back)}${invitation.email ? `&email=${encodeURIComponent(invitation.email)}` : ""}`,
  });
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }, { name: "robots", content: "noindex" }];

export async function action({ request, params }: Route.ActionArgs) {
  const user = await requireUser(request);
  const { t } = await getTranslator(request);
  const title = `${t("teams.invitation.title")} — Buurtkracht`;
  const token = teamInvitationToken.safeParse(params.token);
  if (!token.success) return problem("unknown", title);
  const input = acceptInvitationInput.parse(formToObject(await readForm(request)));
  const result = await acceptTeamInvitation(token.data, { id: user.id, email: user.email }, input.confirmAge);
  if ((result.outcome === "joined" || result.outcome === "already") && result.teamId) return redirect(`${ownTeamPath(result.teamId)}?melding=welkom`);
  if (result.outcome === "confirmAge") return data({ state: "askAge" as const, error: t("teams.error.confirmAge") }, { status: 400 });
  return problem(result.outcome as Exclude<AcceptOutcome, "joined" | "already" | "confirmAge">, title);
}

const PROBLEM_MESSAGES: Record<Problem, [MessageKey, MessageKey]> = {
  unknown: ["teams.invitation.unknown.title", "teams.invitation.unknown.body"],
  used: ["teams.invitation.used.title", "teams.invitation.used.body"],
  expired: ["teams.invitation.expired.title", "teams.invitation.expired.body"],
  notActive: ["teams.invitation.expired.title", "teams.invitation.notActive.body"],
  wrongAccount: ["teams.invitation.wrongAccount.title", "teams.invitation.wrongAccount.body"],
  tooOld: ["teams.invitation.tooOld.title", "teams.invitation.tooOld.body"],
};

export default function TeamInvitation({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  if (actionData && actionData.state === "problem") {
    const [title, body] = PROBLEM_MESSAGES[actionData.problem];
    return <ProblemView title={t(title)} body={t(body)} />;
  }
  if (loaderData.state === "problem") {
    const [title, body] = PROBLEM_MESSAGES[loaderData.problem];
    return <ProblemView title={t(title)} body={t(body)} />;
  }
  const invitation = loaderData;
  const ageError = actionData && actionData.state === "askAge" ? { confirmAge: actionData.error } : undefined;
  return (
    <div className="page-narrow">
      <PageTitle>{t("teams.invitation.title")}</PageTitle>
      <p className="utrecht-paragraph utrecht-paragraph--lead">
        {invitation.inviterName
          ? t("teams.invitation.intro", { inviter: invitation.inviterName, team: invitation.teamName, municipality: invitation.municipalityName })
          : t("teams.invitation.introAnonymous", { team: invitation.teamName, municipality: invitation.municipalityName })}
      </p>
      {invitation.isJunior && <p className="utrecht-paragraph">{t("teams.invitation.junior")}</p>}
      {invitation.invitedEmail && <p className="utrecht-paragraph">{t("teams.invitation.forEmail", { email: invitation.invitedEmail })}</p>}
      <p className="utrecht-paragraph">{t("teams.invitation.until", { until: invitation.until })}</p>
      {invitation.signedInAs === null ? (
        <>
          <p className="utrecht-paragraph">{t("teams.invitation.signInFirst")}</p>
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
        <Form method="post" className="form-stack" noValidate>
          <ErrorSummary errors={ageError} labels={{ confirmAge: t("teams.field.confirmAge") }} />
          {invitation.askAge && <CheckboxField name="confirmAge" label={t("teams.field.confirmAge")} errors={ageError} />}
          <div className="button-row">
            <SubmitButton>{t("teams.invitation.accept")}</SubmitButton>
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

function ProblemView({ title, body }: { title: string; body: string }) {
  const { t } = useTranslation();
  return (
    <div className="page-narrow">
      <PageTitle>{title}</PageTitle>
      <p className="utrecht-paragraph">{body}</p>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to="/">
          {t("error.backHome")}
        </Link>
      </p>
    </div>
  );
}
