import { Form, redirect } from "react-router";
import { authorizeMunicipality } from "~/features/authorization/gate.server";
import { canInvite, canRemoveMembership } from "~/features/authorization/policy";
import { getTranslator } from "~/features/accounts/locale.server";
import { findMunicipalityMembership, findOpenInvitation, listMunicipalityTeam, listOpenInvitations } from "~/features/memberships/reads.server";
import { inviteSchema, membershipIdSchema, MUNICIPAL_INVITE_ROLES } from "~/features/memberships/schema";
import { findUndoableRemoval, inviteStaff, removeMembership, restoreMembership, revokeInvitation } from "~/features/memberships/writes.server";
import { listPartnerOrganisations } from "~/features/municipalities/reads.server";
import { openStaffPage, withNotice } from "~/features/municipalities/staff-page.server";
import { DataTable } from "~/components/data-table";
import { ErrorSummary, PostForm, RowActionForm, SelectField, SubmitButton, TextField, UndoNotice } from "~/components/form";
import { StaffPageHeader } from "~/components/staff-nav";
import { ButtonLink } from "~/components/ui";
import { formToObject, invalid, parseInput, readForm } from "~/lib/forms.server";
import { capitalise } from "~/lib/i18n";
import { useTranslation } from "~/lib/i18n/use-translation";
import { formatInZone } from "~/lib/time";
import type { Route } from "./+types/staff.team";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, municipality, locale, page } = await openStaffPage(request, params.slug, "municipality.invite_staff", "staff.team.title");
  const [team, invitations, partners] = await Promise.all([
    listMunicipalityTeam(municipality.id),
    listOpenInvitations(municipality.id),
    listPartnerOrganisations(municipality.id),
  ]);
  const now = Date.now();
  const query = new URL(request.url).searchParams;
  const removal = query.get("herstel") ? await findUndoableRemoval(municipality.id, query.get("herstel")!) : null;
  return {
    ...page,
    toRemove: query.get("intrekken"),
    undo: removal && canInvite(user.actor, removal.role, municipality.id) ? { id: removal.id, name: removal.name } : null,
    team: team.map((member) => ({
      id: member.id,
      name: member.name,
      email: member.email,
      role: member.role,
      partnerName: member.partnerName,
      canRemove: canRemoveMembership(user.actor, member) && member.userId !== user.id,
    })),
    invitations: invitations.map((invitation) => ({
      id: invitation.id,
      email: invitation.email,
      role: invitation.role,
      partnerName: invitation.partnerName,
      expires: formatInZone(invitation.expiresAt, locale, { dateStyle: "medium" }),
      isExpired: invitation.expiresAt.getTime() <= now,
      canRevoke: canInvite(user.actor, invitation.role, municipality.id),
    })),
    roles: MUNICIPAL_INVITE_ROLES.filter((role) => canInvite(user.actor, role, municipality.id)),
    partners: partners.map((partner) => ({ value: partner.id, label: partner.name })),
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }];

export async function action({ request, params }: Route.ActionArgs) {
  const { user, municipality } = await authorizeMunicipality(request, params.slug, "municipality.invite_staff");
  const { locale, t } = await getTranslator(request);
  const values = formToObject(await readForm(request));
  const back = `/beheer/${municipality.slug}/team`;

  if (values.intent === "restore") {
    const parsed = parseInput(membershipIdSchema, values, locale, t);
    const removal = parsed.ok ? await findUndoableRemoval(municipality.id, parsed.data.id) : null;
    if (!removal || !canInvite(user.actor, removal.role, municipality.id)) return invalid({ _form: t("undo.expired") });
    const result = await restoreMembership(municipality.id, removal.id);
    if (!result.ok) return invalid({ _form: t(result.message) });
    return redirect(withNotice(back, "hersteld"));
  }
  if (values.intent === "remove" || values.intent === "revoke") {
    const parsed = parseInput(membershipIdSchema, values, locale, t);
    if (!parsed.ok) return invalid({ _form: t("admin.notFoundInMunicipality") });
    if (values.intent === "remove") {
      const membership = await findMunicipalityMembership(municipality.id, parsed.data.id);
      if (!membership || !canRemoveMembership(user.actor, membership)) return invalid({ _form: t("admin.team.cannotRemove") });
      const result = await removeMembership(municipality.id, membership.id, user.id);
      if (!result.ok) return invalid({ _form: t(result.message) });
      return redirect(`${withNotice(back, "verwijderd")}&herstel=${result.removalId}`);
    }
    const invitation = await findOpenInvitation(municipality.id, parsed.data.id);
    if (!invitation || !canInvite(user.actor, invitation.role, municipality.id)) return invalid({ _form: t("admin.notFoundInMunicipality") });
    const result = await revokeInvitation(municipality.id, invitation.id);
    if (!result.ok) return invalid({ _form: t(result.message) });
    return redirect(withNotice(back, "ingetrokken"));
  }

  const parsed = parseInput(inviteSchema, values, locale, t);
  if (!parsed.ok) return invalid(parsed.errors, values);
  if (!canInvite(user.actor, parsed.data.role, municipality.id)) return invalid({ role: t("admin.validation.role") }, values);
  const result = await inviteStaff(municipality.id, { id: user.id, name: user.name, locale }, parsed.data);
  if (!result.ok) return invalid({ [result.field]: t(result.message) }, values);
  return redirect(withNotice(back, "uitgenodigd"));
}

export default function Team({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const errors = actionData?.errors;
  const values = actionData?.values ?? {};
  const toRemove = loaderData.team.find((member) => member.canRemove && member.id === loaderData.toRemove);
  return (
    <>
      <StaffPageHeader title={t("staff.team.title")} sections={loaderData.sections} notice={loaderData.undo ? null : loaderData.notice} />
      {loaderData.undo && !errors && <UndoNotice message={t("undo.roleRemoved", { name: loaderData.undo.name })} id={loaderData.undo.id} />}
      {toRemove && (
        <section className="page-section confirm-step" aria-labelledby="confirm-heading">
          <h2 className="utrecht-heading-2" id="confirm-heading">
            {t("confirm.role.title", { name: toRemove.name })}
          </h2>
          <p className="utrecht-paragraph">{t("confirm.role.body", { name: toRemove.name, role: t(`role.${toRemove.role}`) })}</p>
          <Form method="post" className="button-row" noValidate>
            <input type="hidden" name="intent" value="remove" />
            <input type="hidden" name="id" value={toRemove.id} />
            <SubmitButton>{t("confirm.role.yes")}</SubmitButton>
            <ButtonLink to={`/beheer/${loaderData.municipalityTheme.slug}/team`}>{t("confirm.cancel")}</ButtonLink>
          </Form>
        </section>
      )}
      <ErrorSummary errors={errors} labels={{ email: t("admin.field.email"), role: t("admin.field.role"), partnerOrganisationId: t("admin.field.partner") }} />
      <section className="page-section">
        <h2 className="utrecht-heading-2">{t("staff.team.members")}</h2>
        {loaderData.team.length === 0 ? (
          <p className="utrecht-paragraph">{t("staff.team.empty")}</p>
        ) : (
          <DataTable
            actions
            caption={t("staff.team.members")}
            columns={[t("admin.column.name"), t("admin.column.role"), t("admin.column.partner"), t("admin.column.actions")]}
          >
            {loaderData.team.map((member) => (
              <tr key={member.id}>
                <td>
                  {member.name}
                  <br />
                  <span className="muted">{member.email}</span>
                </td>
                <td>{capitalise(t(`role.${member.role}`))}</td>
                <td>{member.partnerName ?? "—"}</td>
                <td>
                  {member.canRemove && (
                    // Asks first: the link opens the "are you sure?" step; that step's post takes the role away.
                    <ButtonLink to={`?intrekken=${member.id}`} appearance="subtle">
                      {t("staff.team.remove")}
                      <span className="visually-hidden"> {`${member.name}, ${t(`role.${member.role}`)}`}</span>
                    </ButtonLink>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      {loaderData.invitations.length > 0 && (
        <section className="page-section">
          <h2 className="utrecht-heading-2">{t("staff.team.openInvitations")}</h2>
          <DataTable
            actions
            caption={t("staff.team.openInvitations")}
            columns={[t("admin.field.email"), t("admin.column.role"), t("admin.column.partner"), t("admin.column.expires"), t("admin.column.actions")]}
          >
            {loaderData.invitations.map((invitation) => (
              <tr key={invitation.id}>
                <td>{invitation.email}</td>
                <td>{capitalise(t(`role.${invitation.role}`))}</td>
                <td>{invitation.partnerName ?? "—"}</td>
                <td>{invitation.isExpired ? t("staff.team.expired") : invitation.expires}</td>
                <td>
                  {invitation.canRevoke && <RowActionForm intent="revoke" id={invitation.id} label={t("staff.team.revoke")} rowName={invitation.email} />}
                </td>
              </tr>
            ))}
          </DataTable>
        </section>
      )}

      <section className="page-section">
        <h2 className="utrecht-heading-2">{t("staff.team.invite")}</h2>
        <p className="utrecht-paragraph">{t("staff.team.inviteHelp")}</p>
        <PostForm>
          <input type="hidden" name="intent" value="invite" />
          <TextField name="email" type="email" label={t("admin.field.email")} required autoComplete="off" defaultValue={values.email} errors={errors} maxLength={254} />
          <SelectField
            name="role"
            label={t("admin.field.role")}
            required
            defaultValue={values.role ?? "course_leader"}
            errors={errors}
            options={loaderData.roles.map((role) => ({ value: role, label: capitalise(t(`role.${role}`)) }))}
          />
          <SelectField
            name="partnerOrganisationId"
            label={t("admin.field.partner")}
            description={t("admin.field.partner.description")}
            defaultValue={values.partnerOrganisationId}
            errors={errors}
            includeEmpty={t("admin.field.partner.none")}
            options={loaderData.partners}
          />
          <div className="button-row">
            <SubmitButton>{t("staff.team.sendInvitation")}</SubmitButton>
          </div>
        </PostForm>
      </section>
    </>
  );
}
