/**
 * Gates of residents' own activity pages: the signed-in person with what makes them an organiser,
 * and one activity they organise or co-organise (404 for anyone else, the same as an unknown id).
 */
import { requireUser } from "~/features/accounts/session.server";
import { notFound, scopeFromRow } from "~/features/authorization/gate.server";
import { findOrganisedActivity, loadOrganiserFacts, roleOn } from "./reads.server";
import { mayOrganiseIn, organisingRights } from "./policy";

export async function requireOrganiser(request: Request) {
  const user = await requireUser(request);
  const facts = await loadOrganiserFacts(user.id);
  const municipalityIds = [...new Set([...facts.certifiedIn, ...facts.teams.filter((t) => t.status === "active").map((t) => t.municipalityId)])].filter((id) => mayOrganiseIn(facts, id));
  return { user, facts, municipalityIds, mayOrganise: municipalityIds.length > 0 };
}

export async function requireOwnOrganisedActivity(request: Request, activityId: string | undefined) {
  const user = await requireUser(request);
  const detail = activityId ? await findOrganisedActivity(activityId) : null;
  const role = detail ? roleOn(user.id, detail) : null;
  if (!detail || role === null) throw notFound();
  // The activity is the person's own (organiser or co-organiser): its municipality is the scope.
  const municipalityId = scopeFromRow(detail.activity.municipalityId, true);
  return { user, detail, role, rights: organisingRights(role), municipalityId };
}
