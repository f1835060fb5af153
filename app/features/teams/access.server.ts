/**
 * The gates of the team pages. A resident's own team pages (/mijn-teams/:teamId) open only for a
 * current member; anyone else — signed in or not a member, a former member, an id from another
 * municipality — gets the same 404 as a team that does not exist. Staff pages open the teams of
 * the municipality for project leaders and course leaders (teams.register).
 */
import { requireUser, type CurrentUser } from "~/features/accounts/session.server";
import { notFound } from "~/features/authorization/gate.server";
import { openStaffPage } from "~/features/municipalities/staff-page.server";
import type { Actor } from "~/features/authorization/policy";
import { logPersonalDataAccessForEach } from "~/features/privacy/audit.server";
import { ageOn, todayInAmsterdam } from "~/features/training/age";
import { db } from "~/lib/db/client.server";
import { findTeam, findTeamById, isCurrentMember, type MemberRow, type TeamRow } from "./reads.server";

export async function requireOwnTeam(request: Request, teamId: string | undefined): Promise<{ user: CurrentUser; team: TeamRow }> {
  const user = await requireUser(request);
  const team = teamId ? await findTeamById(teamId) : null;
  if (!team || team.status === "archived" || !(await isCurrentMember(db(), team.id, user.id))) throw notFound();
  return { user, team };
}

export function openStaffTeamsPage(request: Request, slug: string | undefined) {
  return openStaffPage(request, slug, "teams.register", "teams.staff.title");
}

export async function openStaffTeam(request: Request, slug: string | undefined, teamId: string | undefined) {
  const opened = await openStaffTeamsPage(request, slug);
  const team = teamId ? await findTeam(db(), opened.municipality.id, teamId) : null;
  if (!team) throw notFound();
  return { ...opened, team };
}

/**
 * Staff opening a team's page see its members: the access log gets a row (resource "team") for
 * every member who is a minor as far as the platform knows (a course application's date of birth),
 * and, in a Junior team, for every member whose age it does not know (they may well be minors).
 */
export async function logMinorsShown(actor: Actor, team: Pick<TeamRow, "municipalityId" | "isJunior">, members: readonly Pick<MemberRow, "userId" | "dateOfBirth">[]): Promise<void> {
  const today = todayInAmsterdam();
  const minors = members.filter((m) => {
    const age = m.dateOfBirth ? ageOn(m.dateOfBirth, today) : null;
    return age === null ? team.isJunior : age < 18;
  });
  await logPersonalDataAccessForEach(db(), { actor, municipalityId: team.municipalityId, resource: "team", subjectUserIds: minors.map((m) => m.userId) });
}
