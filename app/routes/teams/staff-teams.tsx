import { Form, Link, redirect } from "react-router";
import { canInMunicipality } from "~/features/authorization/policy";
import { listNeighbourhoods } from "~/features/municipalities/reads.server";
import { staffTeamsPath } from "~/features/organisers/urls";
import { openStaffTeamsPage } from "~/features/teams/access.server";
import { listTeamsForOverview } from "~/features/teams/reads.server";
import { DECLINE_REASON_MAX, declineInput, inviteByEmailInput, TEAM_DESCRIPTION_MAX, TEAM_NAME_MAX, teamIdInput, teamInput } from "~/features/teams/schema";
import { confirmTeam, declineTeam, registerTeam } from "~/features/teams/writes.server";
import { CheckboxField, ErrorSummary, PostForm, SelectField, SubmitButton, TextAreaField, TextField } from "~/components/form";
import { DataTable } from "~/components/data-table";
import { StaffPageHeader } from "~/components/staff-nav";
import { Alert } from "~/components/ui";
import { getTranslator } from "~/features/accounts/locale.server";
import { formToObject, invalid, parseInput, readForm } from "~/lib/forms.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import { formatInZone } from "~/lib/time";
import type { Route } from "./+types/staff-teams";

/**
 * The municipality's resident teams for staff: proposals waiting for a project leader, the teams
 * per neighbourhood with what they did, the teams whose work rests on one person, and a form with
 * which a project leader or course leader registers a team (active at once).
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, municipality, locale, page } = await openStaffTeamsPage(request, params.slug);
  const [teams, neighbourhoods] = await Promise.all([listTeamsForOverview(municipality.id), listNeighbourhoods(municipality.id)]);
  const notice = new URL(request.url).searchParams.get("melding");
  return {
    ...page,
    teamNotice: notice === "bevestigd" ? ("teams.notice.confirmed" as const) : notice === "afgewezen" ? ("teams.notice.declined" as const) : notice === "geregistreerd" ? ("teams.notice.registered" as const) : null,
    slug: municipality.slug,
    canConfirm: canInMunicipality(user.actor, "teams.confirm", municipality.id),
    proposed: teams
      .filter((t) => t.status === "proposed")
      .map((t) => ({ id: t.id, name: t.name, neighbourhood: t.neighbourhoodName, description: t.description, isJunior: t.isJunior, proposer: t.proposerName, when: formatInZone(t.createdAt, locale, { dateStyle: "medium" }) })),
    active: teams.filter((t) => t.status === "active"),
    flagged: teams.filter((t) => t.status === "active" && t.flags.length > 0),
    neighbourhoods: neighbourhoods.map((n) => ({ value: n.id, label: n.name })),
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }, { name: "robots", content: "noindex" }];

export async function action({ request, params }: Route.ActionArgs) {
  const { user, municipality } = await openStaffTeamsPage(request, params.slug);
  const { t, locale } = await getTranslator(request);
  const values = formToObject(await readForm(request));
  const path = staffTeamsPath(municipality.slug);
  switch (values.intent) {
    case "registerTeam": {
      const parsed = parseInput(teamInput, values, locale, t);
      const keyFigure = parseInput(inviteByEmailInput, values, locale, t);
      if (!parsed.ok || !keyFigure.ok) return invalid({ ...(parsed.ok ? {} : parsed.errors), ...(keyFigure.ok ? {} : keyFigure.errors) }, values);
      const result = await registerTeam(municipality.id, { id: user.id, name: user.name, email: user.email, locale: user.locale }, parsed.data, keyFigure.data.email, municipality.name);
      if (!result.ok) return invalid({ [result.field]: t(result.message) }, values);
      return redirect(`${path}?melding=geregistreerd`);
    }
    case "confirmTeam":
    case "declineTeam": {
      if (!canInMunicipality(user.actor, "teams.confirm", municipality.id)) return invalid({ _form: t("teams.error.projectLeaderOnly") }, values);
      if (values.intent === "confirmTeam") {
        const parsed = parseInput(teamIdInput, values, locale, t);
        if (!parsed.ok) return invalid({ _form: t("validation.invalid") }, values);
        const result = await confirmTeam(municipality.id, user.id, parsed.data.id);
        return result.ok ? redirect(`${path}?melding=bevestigd`) : invalid({ _form: t(result.message) }, values);
      }
      const parsed = parseInput(declineInput, values, locale, t);
      if (!parsed.ok) return invalid({ [`reason-${String(values.id ?? "")}`]: parsed.errors.reason ?? t("validation.invalid"), ...(parsed.errors.id ? { _form: t("validation.invalid") } : {}) }, values);
      const result = await declineTeam(municipality.id, parsed.data.id, parsed.data.reason);
      return result.ok ? redirect(`${path}?melding=afgewezen`) : invalid({ _form: t(result.message) }, values);
    }
    default:
      return invalid({ _form: t("validation.invalid") });
  }
}

export default function StaffTeams({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const errors = actionData?.errors;
  const sent = (actionData?.values ?? {}) as Record<string, string>;
  const registerErrors = sent.intent === "registerTeam" ? errors : undefined;
  const { slug } = loaderData;
  const labels = {
    name: t("teams.field.name"),
    neighbourhoodId: t("teams.field.neighbourhood"),
    description: t("teams.field.description"),
    email: t("teams.field.keyFigureEmail"),
    isJunior: t("teams.field.junior"),
  };
  return (
    <>
      <StaffPageHeader title={t("teams.staff.title")} sections={loaderData.sections} notice={loaderData.notice} />
      {loaderData.teamNotice && !errors && (
        <Alert type="ok">
          <p className="utrecht-paragraph">{t(loaderData.teamNotice)}</p>
        </Alert>
      )}
      {errors && sent.intent !== "registerTeam" && <ErrorSummary errors={errors} labels={{}} />}
      <p className="utrecht-paragraph">{t("teams.staff.intro")}</p>

      <section className="page-section" aria-labelledby="proposed-heading">
        <h2 className="utrecht-heading-2" id="proposed-heading">
          {t("teams.staff.proposedTitle")}
        </h2>
        {loaderData.proposed.length === 0 ? (
          <p className="utrecht-paragraph">{t("teams.staff.noProposals")}</p>
        ) : (
          <ul className="card-list">
            {loaderData.proposed.map((team) => (
              <li key={team.id} className="card card--accent">
                <h3 className="utrecht-heading-3">
                  <Link className="utrecht-link" to={staffTeamsPath(slug, team.id)}>
                    {team.name}
                  </Link>
                </h3>
                <p className="utrecht-paragraph">
                  {team.neighbourhood}
                  {team.isJunior && ` · ${t("teams.junior")}`} · {t("teams.staff.proposedBy", { name: team.proposer ?? "—", when: team.when })}
                </p>
                {team.description && <p className="utrecht-paragraph plan-text">{team.description}</p>}
                {loaderData.canConfirm ? (
                  <div className="form-stack">
                    <Form method="post" noValidate>
                      <input type="hidden" name="intent" value="confirmTeam" />
                      <input type="hidden" name="id" value={team.id} />
                      <SubmitButton>
                        {t("teams.staff.confirm")}
                        <span className="visually-hidden"> {team.name}</span>
                      </SubmitButton>
                    </Form>
                    <Form method="post" className="form-stack" noValidate>
                      <input type="hidden" name="intent" value="declineTeam" />
                      <input type="hidden" name="id" value={team.id} />
                      <div className="utrecht-form-field utrecht-form-field--text">
                        <div className="utrecht-form-field__label">
                          <label className="utrecht-form-label" htmlFor={`reason-${team.id}`}>
                            {t("teams.staff.declineReason")}
                          </label>
                        </div>
                        {errors?.[`reason-${team.id}`] && (
                          <div className="utrecht-form-field-error-message" id={`reason-${team.id}-error`}>
                            {errors[`reason-${team.id}`]}
                          </div>
                        )}
                        <div className="utrecht-form-field__input">
                          <textarea
                            className="utrecht-textarea utrecht-textarea--html-textarea"
                            id={`reason-${team.id}`}
                            name="reason"
                            rows={2}
                            maxLength={DECLINE_REASON_MAX}
                            aria-describedby={errors?.[`reason-${team.id}`] ? `reason-${team.id}-error` : undefined}
                          />
                        </div>
                      </div>
                      <SubmitButton appearance="secondary">
                        {t("teams.staff.decline")}
                        <span className="visually-hidden"> {team.name}</span>
                      </SubmitButton>
                    </Form>
                  </div>
                ) : (
                  <p className="utrecht-paragraph">{t("teams.staff.projectLeaderConfirms")}</p>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      {loaderData.flagged.length > 0 && (
        <section className="page-section" aria-labelledby="flags-heading">
          <h2 className="utrecht-heading-2" id="flags-heading">
            {t("teams.flag.title")}
          </h2>
          <p className="utrecht-paragraph">{t("teams.flag.intro")}</p>
          <ul className="utrecht-unordered-list">
            {loaderData.flagged.map((team) =>
              team.flags.map((flag) => (
                <li key={`${team.id}-${flag.kind}`} className="utrecht-unordered-list__item">
                  <Link className="utrecht-link" to={staffTeamsPath(slug, team.id)}>
                    {team.name}
                  </Link>
                  : {t(flag.kind === "activity" ? "teams.flag.activities" : "teams.flag.points", { name: flag.name ?? "—", count: flag.count, total: flag.total })}
                </li>
              )),
            )}
          </ul>
        </section>
      )}

      <section className="page-section" aria-labelledby="active-heading">
        <h2 className="utrecht-heading-2" id="active-heading">
          {t("teams.staff.activeTitle")}
        </h2>
        {loaderData.active.length === 0 ? (
          <p className="utrecht-paragraph">{t("teams.staff.noTeams")}</p>
        ) : (
          <DataTable
            caption={t("teams.staff.activeTitle")}
            columns={[t("teams.field.neighbourhood"), t("teams.field.name"), t("teams.staff.members"), t("teams.staff.agreedDone"), t("teams.staff.activities"), t("teams.staff.reached"), t("teams.staff.flag")]}
          >
            {loaderData.active.map((team) => (
              <tr key={team.id}>
                <td>{team.neighbourhoodName ?? "—"}</td>
                <td>
                  <Link className="utrecht-link" to={staffTeamsPath(slug, team.id)}>
                    {team.name}
                  </Link>
                  {team.isJunior && ` (${t("teams.junior")})`}
                </td>
                <td>{team.memberCount}</td>
                <td>
                  {team.agreedPoints} / {team.donePoints}
                </td>
                <td>{team.activities}</td>
                <td>{team.reached}</td>
                <td>{team.flags.length > 0 ? t("teams.flag.short") : "—"}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      <section className="page-section" aria-labelledby="register-heading">
        <h2 className="utrecht-heading-2" id="register-heading">
          {t("teams.staff.registerTitle")}
        </h2>
        <p className="utrecht-paragraph">{t("teams.staff.registerIntro")}</p>
        <PostForm>
          <ErrorSummary errors={registerErrors} labels={labels} />
          <input type="hidden" name="intent" value="registerTeam" />
          <TextField name="name" label={labels.name} required maxLength={TEAM_NAME_MAX} defaultValue={registerErrors ? sent.name : ""} errors={registerErrors} />
          <SelectField
            name="neighbourhoodId"
            label={labels.neighbourhoodId}
            required
            includeEmpty={t("teams.field.chooseNeighbourhood")}
            options={loaderData.neighbourhoods}
            defaultValue={registerErrors ? sent.neighbourhoodId : ""}
            errors={registerErrors}
          />
          <TextAreaField name="description" label={labels.description} rows={3} maxLength={TEAM_DESCRIPTION_MAX} defaultValue={registerErrors ? sent.description : ""} errors={registerErrors} />
          <TextField name="email" type="email" autoComplete="off" label={labels.email} description={t("teams.field.keyFigureEmailHint")} required defaultValue={registerErrors ? sent.email : ""} errors={registerErrors} />
          <CheckboxField name="isJunior" label={labels.isJunior} defaultChecked={registerErrors ? sent.isJunior === "on" : false} errors={registerErrors} />
          <div className="button-row">
            <SubmitButton>{t("teams.staff.register")}</SubmitButton>
          </div>
        </PostForm>
      </section>
    </>
  );
}
