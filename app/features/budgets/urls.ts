import { OWN_ORGANISING_PATHS } from "~/features/organisers/urls";

/** A receipt's download: one address for the requester, their team's key figures and the project leaders (the route checks who asks). */
export function receiptPath(receiptId: string): string {
  return `${OWN_ORGANISING_PATHS.budget}/bonnetjes/${receiptId}`;
}
