import { requireUser } from "~/features/accounts/session.server";
import { notFound } from "~/features/authorization/gate.server";
import { canInMunicipality } from "~/features/authorization/policy";
import { findReceipt, isReceiptViewer } from "~/features/budgets/reads.server";
import { materialResponse } from "~/features/training/materials.server";
import { readPrivateFile } from "~/lib/storage.server";
import type { Route } from "./+types/receipt-file";

/**
 * One receipt, to its requester, the key figures of the request's team and the project leaders of
 * the request's municipality; anyone else gets the 404 of a receipt that does not exist.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const receipt = await findReceipt(params.receiptId);
  if (!receipt) throw notFound();
  const allowed = canInMunicipality(user.actor, "budgets.manage", receipt.municipalityId) || (await isReceiptViewer(user.id, receipt));
  if (!allowed) throw notFound();
  const bytes = await readPrivateFile("receipts", receipt.fileKey);
  if (!bytes) throw notFound();
  return materialResponse({ fileName: receipt.originalName, contentType: receipt.contentType }, bytes);
}
