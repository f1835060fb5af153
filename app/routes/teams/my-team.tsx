import { Form, Link, redirect } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { OrganiserTabs } from "~/features/organisers/components/organiser-tabs";
import { OWN_ORGANISING_PATHS, ownActivityPath, ownTeamPath, publicTeamPath } from "~/features/organisers/urls";
import { DEFAULT_AGREEMENT_DAYS, decidingMembers, isPeriodOver } from "~/features/teams/agreement";
import { requireOwnTeam } from "~/features/teams/access.server";
import { teamInvitationPath } from "~/features/teams/emails.server";
import { ACTION_POINT_GROUPS, groupOf } from "~/features/teams/point-groups";
import { loadTeamPage, peopleReached } from "~/features/teams/reads.server";
import { ACTION_WHAT_MAX, ACTION_WHY_MAX, actionPointIdInput, actionPointInput, inviteByEmailInput, leaveInput, memberInput, publicInput, teamIdInput, VOTE_COMMENT_MAX, voteInput } from "~/features/teams/schema";
import {
  createInviteLink,
  inviteByEmail,
  leaveTeam,
  makeKeyFigure,
  markActionPointDone,
  proposeActionPoint,
  removeMember,
  revokeInvitation,
  setTeamPublic,
  voteOnActionPoint,
} from "~/features/teams/writes.server";
import { todayInAmsterdam } from "~/features/training/age";
import { CheckboxField, ErrorSummary, PostForm, SelectField, SubmitButton, TextAreaField, TextField } from "~/components/form";
import { Alert, PageTitle } from "~/components/ui";
import { baseUrl } from "~/lib/env.server";
import { formToObject, invalid, parseInput, readForm } from "~/lib/forms.server";
import type { MessageKey } from "~/lib/i18n";
import { useTranslation } from "~/lib/i18n/use-translation";
import { addDaysToLocalDate, formatInZone, zonedLocalToUtc } from "~/lib/time";
import type { Route } from "./+types/my-team";

/**
 * A team's own page for its members: action points (quick wins on top, then open ones with
 * everyone's answers — in EigenWIJzebuurten the team decides together, so members see who agreed
 * or objected), the team's activities and the people they reached, its members and key figures.
 * Key figures also invite members, make another member key figure, remove members and decide
 * whether the team's page is public. Every form posts here with an `intent` and works without JavaScript.
 */
const NOTICES = {
  voorgesteld: "teams.notice.pointProposed",
  akkoord: "teams.notice.pointAgreed",
  gestemd: "teams.notice.voted",
  gedaan: "teams.notice.done",
  uitgenodigd: "teams.notice.invited",
  ingetrokken: "teams.notice.revoked",
  trekker: "teams.notice.keyFigure",
  verwijderd: "teams.notice.removed",
  openbaar: "teams.notice.publicChanged",
  welkom: "teams.notice.welcome",
} as const satisfies Record<string, MessageKey>;

export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, team } = await requireOwnTeam(request, params.teamId);
  const { t, locale } = await getTranslator(request);
  const today = todayInAmsterdam();
  const { members, points, activities, invitations: allInvitations } = await loadTeamPage(team);
  const me = members.find((m) => m.userId === user.id);
  const isKeyFigure = me?.isKeyFigure === true;
  const invitations = isKeyFigure ? allInvitations : [];
  const notice = new URL(request.url).searchParams.get("melding");
  const day = (date: string) => formatInZone(zonedLocalToUtc(date, "12:00")!, locale, { dateStyle: "medium" });
  return {
    title: `${team.name} — Buurtkracht`,
    notice: notice && Object.hasOwn(NOTICES, notice) ? NOTICES[notice as keyof typeof NOTICES] : null,
    team: { id: team.id, name: team.name, description: team.description, isJunior: team.isJunior, isPublic: team.isPublic, status: team.status, neighbourhood: team.neighbourhoodName, municipality: team.municipalityName },
    publicPath: team.isPublic && team.status === "active" ? publicTeamPath(team.municipalitySlug, team.id) : null,
    isActive: team.status === "active",
    isKeyFigure,
    meId: user.id,
    members: members.map((m) => ({ userId: m.userId, name: m.name, isKeyFigure: m.isKeyFigure })),
    otherKeyFigure: members.some((m) => m.isKeyFigure && m.userId !== user.id),
    points: points
      .map((p) => {
        // The job closes ended periods every quarter; until then the page already reads the decide-by day.
        const status = p.status === "open" && isPeriodOver(p.decideBy, today) ? ("not_agreed" as const) : p.status;
        const group = groupOf({ status, dueOn: p.dueOn }, today);
        const deciding = decidingMembers({ proposedAt: p.createdAt, members });
        const answered = new Set(p.votes.map((v) => v.userId));
        return {
          id: p.id,
          what: p.what,
          why: p.why,
          group,
          due: day(p.dueOn),
          decideBy: day(p.decideBy),
          proposer: p.proposerName,
          votes: p.votes.filter((v) => deciding.includes(v.userId)),
          waitingFor: members.filter((m) => deciding.includes(m.userId) && !answered.has(m.userId)).map((m) => m.name),
          myVote: p.votes.find((v) => v.userId === user.id)?.vote ?? null,
          canVote: group === "open" && deciding.includes(user.id),
        };
      })
      .filter((p) => p.group !== null),
    activities: activities.map((a) => ({
      id: a.activityId,
      title: a.title,
      when: formatInZone(a.startsAt, locale, { dateStyle: "medium", timeStyle: "short" }),
      status: a.status,
      organiser: a.organiserName,
      reached: a.reached,
      isMine: a.organiserUserId === user.id,
    })),
    reached: peopleReached(activities),
    invitations: invitations.map((i) => ({ id: i.id, email: i.email, until: formatInZone(i.expiresAt, locale, { dateStyle: "long" }) })),
    defaults: { dueOn: addDaysToLocalDate(today, 14), decideBy: addDaysToLocalDate(today, DEFAULT_AGREEMENT_DAYS), today },
    labels: { what: t("teams.point.what"), why: t("teams.point.why"), dueOn: t("teams.point.dueOn"), decideBy: t("teams.point.decideBy") },
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }, { name: "robots", content: "noindex" }];

export async function action({ request, params }: Route.ActionArgs) {
  const { user, team } = await requireOwnTeam(request, params.teamId);
  const { t, locale } = await getTranslator(request);
  const values = formToObject(await readForm(request));
  const actor = { id: user.id, name: user.name, email: user.email, locale: user.locale };
  const back = (notice: keyof typeof NOTICES) => redirect(`${ownTeamPath(team.id)}?melding=${notice}`);
  const refused = (result: { field: string; message: MessageKey }) => invalid({ [result.field]: t(result.message) }, values);
  switch (values.intent) {
    case "proposePoint": {
      const parsed = parseInput(actionPointInput, values, locale, t);
      if (!parsed.ok) return invalid(parsed.errors, values);
      const result = await proposeActionPoint(team, user.id, parsed.data);
      if (!result.ok) return refused(result);
      return back(result.outcome === "agreed" ? "akkoord" : "voorgesteld");
    }
    case "vote": {
      const parsed = parseInput(voteInput, values, locale, t);
      if (!parsed.ok) return invalid({ _form: Object.values(parsed.errors)[0] ?? t("validation.invalid") }, values);
      const result = await voteOnActionPoint(team, user.id, parsed.data);
      if (!result.ok) return refused(result);
      return back(result.outcome === "agreed" ? "akkoord" : "gestemd");
    }
    case "markDone": {
      const parsed = parseInput(actionPointIdInput, values, locale, t);
      if (!parsed.ok) return invalid({ _form: t("validation.invalid") }, values);
      const result = await markActionPointDone(team, user.id, parsed.data.actionPointId);
      return result.ok ? back("gedaan") : refused(result);
    }
    case "inviteEmail": {
      const parsed = parseInput(inviteByEmailInput, values, locale, t);
      if (!parsed.ok) return invalid(parsed.errors, values);
      const result = await inviteByEmail(team, actor, parsed.data.email);
      return result.ok ? back("uitgenodigd") : refused(result);
    }
    case "createLink": {
      const result = await createInviteLink(team, actor);
      if (!result.ok) return refused(result);
      return { link: `${baseUrl}${teamInvitationPath(result.token)}`, until: formatInZone(result.expiresAt, locale, { dateStyle: "long" }) };
    }
    case "revokeInvitation": {
      const parsed = parseInput(teamIdInput, values, locale, t);
      if (!parsed.ok) return invalid({ _form: t("validation.invalid") }, values);
      const result = await revokeInvitation(team, user.id, parsed.data.id);
      return result.ok ? back("ingetrokken") : refused(result);
    }
    case "makeKeyFigure": {
      const parsed = parseInput(memberInput, values, locale, t);
      if (!parsed.ok) return invalid({ _form: t("validation.invalid") }, values);
      const result = await makeKeyFigure(team, user.id, parsed.data.userId);
      return result.ok ? back("trekker") : refused(result);
    }
    case "removeMember": {
      const parsed = parseInput(memberInput, values, locale, t);
      if (!parsed.ok) return invalid({ _form: t("validation.invalid") }, values);
      const result = await removeMember(team, user.id, parsed.data.userId);
      return result.ok ? back("verwijderd") : refused(result);
    }
    case "setPublic": {
      const parsed = parseInput(publicInput, values, locale, t);
      if (!parsed.ok) return invalid({ _form: t("validation.invalid") }, values);
      const result = await setTeamPublic(team, user.id, parsed.data.isPublic);
      return result.ok ? back("openbaar") : refused(result);
    }
    case "leave": {
      const parsed = parseInput(leaveInput, values, locale, t);
      if (!parsed.ok) return invalid(parsed.errors, values);
      const result = await leaveTeam(team, user.id, parsed.data.successorId);
      return result.ok ? redirect(`${OWN_ORGANISING_PATHS.teams}?melding=verlaten`) : refused(result);
    }
    default:
      return invalid({ _form: t("validation.invalid") });
  }
}

type ActionData = { errors?: Record<string, string>; values?: Record<string, string>; link?: string; until?: string } | undefined;

export default function MyTeam({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const data = actionData as ActionData;
  const errors = data?.errors;
  const sent = (data?.values ?? {}) as Record<string, string>;
  const errorsFor = (...intents: string[]) => (intents.includes(sent.intent ?? "") ? errors : undefined);
  const { team, points } = loaderData;
  const groupTitles: Record<string, MessageKey> = {
    quick_win: "teams.points.quickWins",
    open: "teams.points.open",
    agreed: "teams.points.agreed",
    done: "teams.points.done",
    not_agreed: "teams.points.notAgreed",
  };
  return (
    <div className="my-course">
      <OrganiserTabs />
      <PageTitle>{team.name}</PageTitle>
      <p className="utrecht-paragraph">
        {[team.municipality, team.neighbourhood].filter(Boolean).join(" — ")}
        {team.isJunior && ` · ${t("teams.junior")}`}
        {loaderData.isKeyFigure && ` · ${t("teams.youAreKeyFigure")}`}
      </p>
      {loaderData.notice && !errors && (
        <Alert type="ok">
          <p className="utrecht-paragraph">{t(loaderData.notice)}</p>
        </Alert>
      )}
      {errors && !["proposePoint", "inviteEmail", "leave"].includes(sent.intent ?? "") && <ErrorSummary errors={errors} labels={{}} />}
      {!loaderData.isActive && (
        <Alert type="info">
          <p className="utrecht-paragraph">{t("teams.mine.waiting")}</p>
        </Alert>
      )}
      {team.description && <p className="utrecht-paragraph plan-text">{team.description}</p>}
      {loaderData.publicPath && (
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to={loaderData.publicPath}>
            {t("teams.page.publicLink")}
          </Link>
        </p>
      )}

      <section className="page-section" aria-labelledby="points-heading">
        <h2 className="utrecht-heading-2" id="points-heading">
          {t("teams.points.title")}
        </h2>
        <p className="utrecht-paragraph">{t("teams.points.intro")}</p>
        {points.length === 0 && <p className="utrecht-paragraph">{t("teams.points.none")}</p>}
        {ACTION_POINT_GROUPS.map((group) => {
          const inGroup = points.filter((p) => p.group === group);
          if (inGroup.length === 0) return null;
          return (
            <div key={group} className="page-section">
              <h3 className="utrecht-heading-3" id={`group-${group}`}>
                {t(groupTitles[group]!)}
              </h3>
              <ul className="card-list" aria-labelledby={`group-${group}`}>
                {inGroup.map((p) => (
                  <li key={p.id} className={`card${group === "quick_win" ? " card--accent" : ""}`} data-point-status={group}>
                    <h4 className="utrecht-heading-4">{p.what}</h4>
                    <p className="utrecht-paragraph plan-text">{p.why}</p>
                    <dl className="facts">
                      <dt>{t("teams.point.dueOn")}</dt>
                      <dd>{p.due}</dd>
                      {group === "open" && (
                        <>
                          <dt>{t("teams.point.decideBy")}</dt>
                          <dd>{p.decideBy}</dd>
                        </>
                      )}
                      {p.proposer && (
                        <>
                          <dt>{t("teams.point.proposer")}</dt>
                          <dd>{p.proposer}</dd>
                        </>
                      )}
                    </dl>
                    {p.votes.length > 0 && (
                      <ul className="utrecht-unordered-list">
                        {p.votes.map((v) => (
                          <li key={v.userId} className="utrecht-unordered-list__item">
                            {t(v.vote === "agree" ? "teams.vote.agreedBy" : "teams.vote.objectedBy", { name: v.name })}
                            {v.comment && ` — ${v.comment}`}
                          </li>
                        ))}
                      </ul>
                    )}
                    {group === "open" && p.waitingFor.length > 0 && <p className="utrecht-paragraph">{t("teams.vote.waitingFor", { names: p.waitingFor.join(", ") })}</p>}
                    {p.canVote && (
                      <Form method="post" className="form-stack" noValidate>
                        <input type="hidden" name="intent" value="vote" />
                        <input type="hidden" name="actionPointId" value={p.id} />
                        {p.myVote && <p className="utrecht-paragraph">{t(p.myVote === "agree" ? "teams.vote.youAgreed" : "teams.vote.youObjected")}</p>}
                        <div className="utrecht-form-field utrecht-form-field--text">
                          <div className="utrecht-form-field__label">
                            <label className="utrecht-form-label" htmlFor={`comment-${p.id}`}>
                              {t("teams.vote.comment")} <span className="form-optional">({t("form.optional")})</span>
                            </label>
                          </div>
                          <div className="utrecht-form-field__input">
                            <textarea className="utrecht-textarea utrecht-textarea--html-textarea" id={`comment-${p.id}`} name="comment" rows={2} maxLength={VOTE_COMMENT_MAX} />
                          </div>
                        </div>
                        <div className="button-row">
                          <SubmitButton name="vote" value="agree">
                            {t("teams.vote.agree")}
                            <span className="visually-hidden"> {p.what}</span>
                          </SubmitButton>
                          <SubmitButton name="vote" value="object" appearance="secondary">
                            {t("teams.vote.object")}
                            <span className="visually-hidden"> {p.what}</span>
                          </SubmitButton>
                        </div>
                      </Form>
                    )}
                    {(group === "quick_win" || group === "agreed") && (
                      <Form method="post" noValidate>
                        <input type="hidden" name="intent" value="markDone" />
                        <input type="hidden" name="actionPointId" value={p.id} />
                        <SubmitButton appearance="secondary">
                          {t("teams.point.markDone")}
                          <span className="visually-hidden"> {p.what}</span>
                        </SubmitButton>
                      </Form>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </section>

      {loaderData.isActive && (
        <section className="page-section" aria-labelledby="propose-point-heading">
          <h2 className="utrecht-heading-2" id="propose-point-heading">
            {t("teams.point.proposeTitle")}
          </h2>
          <p className="utrecht-paragraph">{t("teams.point.proposeIntro")}</p>
          <PostForm>
            <ErrorSummary errors={errorsFor("proposePoint")} labels={loaderData.labels} />
            <input type="hidden" name="intent" value="proposePoint" />
            <TextField name="what" label={loaderData.labels.what} required maxLength={ACTION_WHAT_MAX} defaultValue={sent.intent === "proposePoint" ? sent.what : ""} errors={errorsFor("proposePoint")} />
            <TextAreaField name="why" label={loaderData.labels.why} required rows={3} maxLength={ACTION_WHY_MAX} defaultValue={sent.intent === "proposePoint" ? sent.why : ""} errors={errorsFor("proposePoint")} />
            <TextField
              name="dueOn"
              type="date"
              label={loaderData.labels.dueOn}
              description={t("teams.point.dueOnHint")}
              required
              min={loaderData.defaults.today}
              defaultValue={sent.intent === "proposePoint" ? sent.dueOn : loaderData.defaults.dueOn}
              errors={errorsFor("proposePoint")}
            />
            <TextField
              name="decideBy"
              type="date"
              label={loaderData.labels.decideBy}
              description={t("teams.point.decideByHint")}
              required
              min={loaderData.defaults.today}
              defaultValue={sent.intent === "proposePoint" ? sent.decideBy : loaderData.defaults.decideBy}
              errors={errorsFor("proposePoint")}
            />
            <div className="button-row">
              <SubmitButton>{t("teams.point.propose")}</SubmitButton>
            </div>
          </PostForm>
        </section>
      )}

      <section className="page-section" aria-labelledby="activities-heading">
        <h2 className="utrecht-heading-2" id="activities-heading">
          {t("teams.activities.title")}
        </h2>
        <p className="utrecht-paragraph">{t("teams.activities.reached", { count: loaderData.reached })}</p>
        {loaderData.activities.length === 0 ? (
          <p className="utrecht-paragraph">{t("teams.activities.none")}</p>
        ) : (
          <ul className="utrecht-unordered-list">
            {loaderData.activities.map((a) => (
              <li key={a.id} className="utrecht-unordered-list__item">
                {a.isMine ? (
                  <Link className="utrecht-link" to={ownActivityPath(a.id)}>
                    {a.title}
                  </Link>
                ) : (
                  a.title
                )}{" "}
                — {a.when}
                {a.organiser && ` — ${t("teams.activities.by", { name: a.organiser })}`}
                {a.reached !== null && ` — ${t("teams.activities.reachedOne", { count: a.reached })}`}
              </li>
            ))}
          </ul>
        )}
        <ul className="utrecht-unordered-list">
          <li className="utrecht-unordered-list__item">
            <Link className="utrecht-link" to={OWN_ORGANISING_PATHS.newActivity}>
              {t("teams.activities.plan")}
            </Link>
          </li>
          <li className="utrecht-unordered-list__item">
            <Link className="utrecht-link" to={OWN_ORGANISING_PATHS.budget}>
              {t("teams.activities.budget")}
            </Link>
          </li>
        </ul>
      </section>

      <section className="page-section" aria-labelledby="members-heading">
        <h2 className="utrecht-heading-2" id="members-heading">
          {t("teams.members.title")}
        </h2>
        <ul className="utrecht-unordered-list">
          {loaderData.members.map((m) => (
            <li key={m.userId} className="utrecht-unordered-list__item">
              {m.name}
              {m.isKeyFigure && ` (${t("teams.keyFigure")})`}
              {loaderData.isKeyFigure && m.userId !== loaderData.meId && loaderData.isActive && (
                <div className="button-row">
                  {!m.isKeyFigure && (
                    <Form method="post" className="inline-form" noValidate>
                      <input type="hidden" name="intent" value="makeKeyFigure" />
                      <input type="hidden" name="userId" value={m.userId} />
                      <SubmitButton appearance="subtle">
                        {t("teams.members.makeKeyFigure")}
                        <span className="visually-hidden"> {m.name}</span>
                      </SubmitButton>
                    </Form>
                  )}
                  <Form method="post" className="inline-form" noValidate>
                    <input type="hidden" name="intent" value="removeMember" />
                    <input type="hidden" name="userId" value={m.userId} />
                    <SubmitButton appearance="subtle">
                      {t("teams.members.remove")}
                      <span className="visually-hidden"> {m.name}</span>
                    </SubmitButton>
                  </Form>
                </div>
              )}
            </li>
          ))}
        </ul>
      </section>

      {loaderData.isKeyFigure && loaderData.isActive && (
        <section className="page-section" aria-labelledby="invite-heading">
          <h2 className="utrecht-heading-2" id="invite-heading">
            {t("teams.invite.title")}
          </h2>
          <p className="utrecht-paragraph">{t("teams.invite.intro")}</p>
          <PostForm>
            <ErrorSummary errors={errorsFor("inviteEmail")} labels={{ email: t("teams.invite.email") }} />
            <input type="hidden" name="intent" value="inviteEmail" />
            <TextField name="email" type="email" autoComplete="off" label={t("teams.invite.email")} required defaultValue={sent.intent === "inviteEmail" ? sent.email : ""} errors={errorsFor("inviteEmail")} />
            <div className="button-row">
              <SubmitButton>{t("teams.invite.send")}</SubmitButton>
            </div>
          </PostForm>
          <h3 className="utrecht-heading-3">{t("teams.invite.linkTitle")}</h3>
          {data?.link ? (
            <Alert type="ok">
              <p className="utrecht-paragraph">{t("teams.invite.linkShown", { until: data.until ?? "" })}</p>
              <p className="utrecht-paragraph">
                <code className="invite-link">{data.link}</code>
              </p>
            </Alert>
          ) : (
            <p className="utrecht-paragraph">{t("teams.invite.linkIntro")}</p>
          )}
          <PostForm>
            <input type="hidden" name="intent" value="createLink" />
            <div className="button-row">
              <SubmitButton appearance="secondary">{t("teams.invite.makeLink")}</SubmitButton>
            </div>
          </PostForm>
          {loaderData.invitations.length > 0 && (
            <>
              <h3 className="utrecht-heading-3">{t("teams.invite.openTitle")}</h3>
              <ul className="utrecht-unordered-list">
                {loaderData.invitations.map((i) => (
                  <li key={i.id} className="utrecht-unordered-list__item">
                    {i.email ?? t("teams.invite.sharedLink")} — {t("teams.invite.until", { until: i.until })}{" "}
                    <Form method="post" className="inline-form" noValidate>
                      <input type="hidden" name="intent" value="revokeInvitation" />
                      <input type="hidden" name="id" value={i.id} />
                      <SubmitButton appearance="subtle">
                        {t("teams.invite.revoke")}
                        <span className="visually-hidden"> {i.email ?? t("teams.invite.sharedLink")}</span>
                      </SubmitButton>
                    </Form>
                  </li>
                ))}
              </ul>
            </>
          )}
          <h3 className="utrecht-heading-3">{t("teams.public.title")}</h3>
          <p className="utrecht-paragraph">{t("teams.public.intro")}</p>
          <PostForm>
            <input type="hidden" name="intent" value="setPublic" />
            <CheckboxField name="isPublic" label={t("teams.public.field")} defaultChecked={team.isPublic} />
            <div className="button-row">
              <SubmitButton appearance="secondary">{t("teams.public.save")}</SubmitButton>
            </div>
          </PostForm>
        </section>
      )}

      <section className="page-section" aria-labelledby="leave-heading">
        <h2 className="utrecht-heading-2" id="leave-heading">
          {t("teams.leave.title")}
        </h2>
        <PostForm>
          <ErrorSummary errors={errorsFor("leave")} labels={{ successorId: t("teams.leave.successor") }} />
          <input type="hidden" name="intent" value="leave" />
          {loaderData.isKeyFigure && !loaderData.otherKeyFigure && loaderData.members.length > 1 && (
            <SelectField
              name="successorId"
              label={t("teams.leave.successor")}
              description={t("teams.leave.successorHint")}
              required
              includeEmpty={t("teams.leave.chooseSuccessor")}
              options={loaderData.members.filter((m) => m.userId !== loaderData.meId).map((m) => ({ value: m.userId, label: m.name }))}
              errors={errorsFor("leave")}
            />
          )}
          <div className="button-row">
            <SubmitButton appearance="secondary">{t("teams.leave.button")}</SubmitButton>
          </div>
        </PostForm>
      </section>
    </div>
  );
}
