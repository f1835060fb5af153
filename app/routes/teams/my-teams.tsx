import { Link, redirect } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { requireUser } from "~/features/accounts/session.server";
import { OrganiserTabs } from "~/features/organisers/components/organiser-tabs";
import { OWN_ORGANISING_PATHS, ownTeamPath } from "~/features/organisers/urls";
import { listMyTeams, listPendingInvitations, listProposableNeighbourhoods } from "~/features/teams/reads.server";
import { TEAM_DESCRIPTION_MAX, TEAM_NAME_MAX, teamInput } from "~/features/teams/schema";
import { proposeTeam } from "~/features/teams/writes.server";
import { CheckboxField, ErrorSummary, PostForm, SelectField, SubmitButton, TextAreaField, TextField } from "~/components/form";
import { Alert, PageTitle } from "~/components/ui";
import { formToObject, invalid, parseInput, readForm } from "~/lib/forms.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import { formatInZone } from "~/lib/time";
import type { Route } from "./+types/my-teams";

/**
 * "Mijn teams": the resident's teams (active, waiting for confirmation, declined with the reason),
 * the invitations mailed to their address, and the form to propose a new team in a neighbourhood.
 */
export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const { t, locale } = await getTranslator(request);
  const [teams, invitations, neighbourhoods] = await Promise.all([listMyTeams(user.id), listPendingInvitations(user.email), listProposableNeighbourhoods()]);
  const notice = new URL(request.url).searchParams.get("melding");
  return {
    title: `${t("teams.mine.title")} — Buurtkracht`,
    notice: notice === "voorgesteld" ? ("teams.notice.proposed" as const) : notice === "verlaten" ? ("teams.notice.left" as const) : null,
    teams,
    invitations: invitations.map((i) => ({ ...i, until: formatInZone(i.expiresAt, locale, { dateStyle: "long" }) })),
    neighbourhoods: neighbourhoods.map((n) => ({ value: n.id, label: `${n.municipalityName} — ${n.name}` })),
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }, { name: "robots", content: "noindex" }];

export async function action({ request }: Route.ActionArgs) {
  const user = await requireUser(request);
  const { t, locale } = await getTranslator(request);
  const values = formToObject(await readForm(request));
  if (values.intent !== "proposeTeam") return invalid({ _form: t("validation.invalid") });
  const parsed = parseInput(teamInput, values, locale, t);
  if (!parsed.ok) return invalid(parsed.errors, values);
  const result = await proposeTeam({ id: user.id, name: user.name, email: user.email, locale: user.locale }, parsed.data);
  if (!result.ok) return invalid({ [result.field]: t(result.message) }, values);
  return redirect(`${OWN_ORGANISING_PATHS.teams}?melding=voorgesteld`);
}

export default function MyTeams({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const errors = actionData?.errors;
  const sent = (actionData?.values ?? {}) as Record<string, string>;
  const labels = {
    name: t("teams.field.name"),
    neighbourhoodId: t("teams.field.neighbourhood"),
    description: t("teams.field.description"),
    isJunior: t("teams.field.junior"),
    confirmAge: t("teams.field.confirmAge"),
  };
  return (
    <div className="my-course">
      <OrganiserTabs />
      <PageTitle>{t("teams.mine.title")}</PageTitle>
      {loaderData.notice && !errors && (
        <Alert type="ok">
          <p className="utrecht-paragraph">{t(loaderData.notice)}</p>
        </Alert>
      )}
      <p className="utrecht-paragraph">{t("teams.mine.intro")}</p>

      <section className="page-section" aria-labelledby="teams-heading">
        <h2 className="utrecht-heading-2" id="teams-heading">
          {t("teams.mine.listTitle")}
        </h2>
        {loaderData.teams.length === 0 ? (
          <p className="utrecht-paragraph">{t("teams.mine.none")}</p>
        ) : (
          <ul className="card-list">
            {loaderData.teams.map((team) => (
              <li key={team.id} className="card card--accent">
                <h3 className="utrecht-heading-3">
                  {team.status === "active" ? (
                    <Link className="utrecht-link" to={ownTeamPath(team.id)}>
                      {team.name}
                    </Link>
                  ) : (
                    team.name
                  )}
                </h3>
                <p className="utrecht-paragraph">
                  {[team.municipalityName, team.neighbourhoodName].filter(Boolean).join(" — ")}
                  {team.isJunior && ` · ${t("teams.junior")}`}
                  {team.isKeyFigure && ` · ${t("teams.keyFigure")}`}
                </p>
                <p className="utrecht-paragraph">
                  <strong>{t("teams.statusLabel")}</strong> {t(`teams.status.${team.status}`)}
                  {team.status === "active" && team.openPoints > 0 && ` · ${t("teams.mine.openPoints", { count: team.openPoints })}`}
                </p>
                {team.status === "proposed" && <p className="utrecht-paragraph">{t("teams.mine.waiting")}</p>}
                {team.status === "declined" && team.declineReason && (
                  <p className="utrecht-paragraph plan-text">
                    {t("teams.mine.declinedBecause")} {team.declineReason}
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      {loaderData.invitations.length > 0 && (
        <section className="page-section" aria-labelledby="invitations-heading">
          <h2 className="utrecht-heading-2" id="invitations-heading">
            {t("teams.mine.invitationsTitle")}
          </h2>
          <p className="utrecht-paragraph">{t("teams.mine.invitationsIntro")}</p>
          <ul className="utrecht-unordered-list">
            {loaderData.invitations.map((i, index) => (
              <li key={index} className="utrecht-unordered-list__item">
                {t("teams.mine.invitation", { team: i.teamName, municipality: i.municipalityName, until: i.until })}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="page-section" aria-labelledby="propose-heading">
        <h2 className="utrecht-heading-2" id="propose-heading">
          {t("teams.propose.title")}
        </h2>
        <p className="utrecht-paragraph">{t("teams.propose.intro")}</p>
        <PostForm>
          <ErrorSummary errors={errors} labels={labels} />
          <input type="hidden" name="intent" value="proposeTeam" />
          <div className="form-stack">
            <TextField name="name" label={labels.name} required maxLength={TEAM_NAME_MAX} defaultValue={sent.name} errors={errors} />
            <SelectField
              name="neighbourhoodId"
              label={labels.neighbourhoodId}
              required
              includeEmpty={t("teams.field.chooseNeighbourhood")}
              options={loaderData.neighbourhoods}
              defaultValue={sent.neighbourhoodId}
              errors={errors}
            />
            <TextAreaField name="description" label={labels.description} description={t("teams.field.descriptionHint")} rows={4} maxLength={TEAM_DESCRIPTION_MAX} defaultValue={sent.description} errors={errors} />
            <CheckboxField name="isJunior" label={labels.isJunior} defaultChecked={sent.isJunior === "on"} errors={errors} />
            <p className="utrecht-paragraph">{t("teams.field.confirmAgeHint")}</p>
            <CheckboxField name="confirmAge" label={labels.confirmAge} defaultChecked={sent.confirmAge === "on"} errors={errors} />
            <div className="button-row">
              <SubmitButton>{t("teams.propose.submit")}</SubmitButton>
            </div>
          </div>
        </PostForm>
      </section>
    </div>
  );
}
