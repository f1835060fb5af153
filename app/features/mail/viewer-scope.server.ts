import { requireStaffUser } from "~/features/accounts/session.server";
import { authorizeNetwork, authorizeOwnMunicipalities } from "~/features/authorization/gate.server";
import { can } from "~/features/authorization/policy";
import type { MailScope } from "./reads.server";

/**
 * Whose mail this person may read: the network coordinator all of it, a project leader that of
 * their own municipalities. Anyone else gets 404 from the gate.
 */
export async function authorizeMailViewer(request: Request): Promise<MailScope> {
  const user = await requireStaffUser(request);
  if (can(user.actor, "network.view_mail")) {
    const { network } = await authorizeNetwork(request, "network.view_mail");
    return { kind: "network", network };
  }
  const { municipalities } = await authorizeOwnMunicipalities(request, "municipality.view_mail");
  return { kind: "municipalities", ids: municipalities.map((municipality) => municipality.id) };
}
