/**
 * The recruiter's own page in one read: for each of their links (as a Citytrainer per municipality,
 * and per active team) the address, its QR code and the figures. Links are created here on first
 * need, so a new Citytrainer or team member finds theirs ready.
 */
import QRCode from "qrcode";
import { baseUrl } from "~/lib/env.server";
import { inviteLinkPath } from "~/features/organisers/urls";
import { findInviterRoles, recruitmentFigures, type InviterRoles, type RecruitmentFigures } from "./reads.server";
import { ensureInviteLink, type LinkOwner } from "./writes.server";

export interface InviteCard {
  /** What the replace form sends: person:<municipality id> or team:<team id>. */
  ownerKey: string;
  kind: "person" | "team";
  /** The municipality's name (person) or the team's name. */
  name: string;
  code: string;
  url: string;
  qrSvg: string;
  figures: RecruitmentFigures;
}

export function qrSvgOf(url: string): Promise<string> {
  return QRCode.toString(url, { type: "svg", margin: 2, errorCorrectionLevel: "M" });
}

export function ownersOf(userId: string, roles: InviterRoles): { owner: LinkOwner; ownerKey: string; name: string }[] {
  return [
    ...roles.citytrainerIn.map((m) => ({ owner: { kind: "person" as const, municipalityId: m.id, userId }, ownerKey: `person:${m.id}`, name: m.name })),
    ...roles.teams.map((team) => ({ owner: { kind: "team" as const, municipalityId: team.municipalityId, teamId: team.id }, ownerKey: `team:${team.id}`, name: team.name })),
  ];
}

export async function loadInviteCards(userId: string): Promise<{ roles: InviterRoles; cards: InviteCard[] }> {
  const roles = await findInviterRoles(userId);
  const cards: InviteCard[] = [];
  for (const { owner, ownerKey, name } of ownersOf(userId, roles)) {
    const link = await ensureInviteLink(owner);
    const url = baseUrl + inviteLinkPath(link.code);
    const figures = await recruitmentFigures(owner.kind === "person" ? { municipalityId: owner.municipalityId, userId } : { teamId: owner.teamId });
    cards.push({ ownerKey, kind: owner.kind, name, code: link.code, url, qrSvg: await qrSvgOf(url), figures });
  }
  return { roles, cards };
}
