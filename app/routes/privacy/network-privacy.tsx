import { data, redirect } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { authorizeNetwork } from "~/features/authorization/gate.server";
import { listNetworkErasureRequests } from "~/features/privacy/reads.server";
import { handleErasureInput, rejectErasureInput } from "~/features/privacy/schema";
import { carryOutErasure, rejectErasure } from "~/features/privacy/writes.server";
import { ErasureRequests } from "~/components/erasure-requests";
import { ErrorSummary } from "~/components/form";
import { StaffPageHeader } from "~/components/staff-nav";
import { formToObject, invalid, parseInput, readForm } from "~/lib/forms.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import { formatInZone } from "~/lib/time";
import type { Route } from "./+types/network-privacy";

/**
 * Erasure requests of people who have data in no municipality (only an account): no project
 * leader can see them, so the network coordinator carries them out (docs/decisions/026-privacy-core.md).
 */
export async function loader({ request }: Route.LoaderArgs) {
  const { user, network } = await authorizeNetwork(request, "network.handle_erasure");
  const { t, locale } = await getTranslator(request);
  const url = new URL(request.url);
  const requests = await listNetworkErasureRequests(network);
  const toErase = requests.find((r) => r.id === url.searchParams.get("wissen") && r.userId !== user.id);
  const toReject = requests.find((r) => r.id === url.searchParams.get("afwijzen"));
  const notice = url.searchParams.get("melding");
  return {
    title: `${t("privacy.network.title")} — Buurtkracht`,
    notice: notice === "gewist" ? t("privacy.staff.notice.erased") : notice === "afgewezen" ? t("privacy.staff.notice.rejected") : null,
    requests: requests.map((r) => ({ id: r.id, name: r.name, email: r.email, reason: r.reason, requested: formatInZone(r.requestedAt, locale, { dateStyle: "medium" }), isOwn: r.userId === user.id })),
    confirm: toErase ? { id: toErase.id, name: toErase.name } : null,
    reject: toReject ? { id: toReject.id, name: toReject.name } : null,
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }, { name: "robots", content: "noindex" }];

export async function action({ request }: Route.ActionArgs) {
  const { user, network } = await authorizeNetwork(request, "network.handle_erasure");
  const { locale, t } = await getTranslator(request);
  const values = formToObject(await readForm(request));
  const scope = { kind: "network" as const, network };
  if (values.intent === "reject") {
    const parsed = parseInput(rejectErasureInput, values, locale, t);
    if (!parsed.ok) return invalid(parsed.errors, values);
    const result = await rejectErasure(scope, parsed.data.requestId, user.actor, parsed.data.note);
    if (!result.ok) return notHere(t("privacy.staff.notFound"));
    throw redirect("/netwerk/privacy?melding=afgewezen");
  }
  if (values.intent !== "erase") return invalid({ _form: t("validation.invalid") });
  const parsed = parseInput(handleErasureInput, values, locale, t);
  if (!parsed.ok) return invalid({ _form: t("privacy.staff.notFound") });
  const result = await carryOutErasure(scope, parsed.data.requestId, user.actor);
  if (!result.ok && result.reason === "own-account") return invalid({ _form: t("privacy.staff.ownAccount") });
  if (!result.ok) return notHere(t("privacy.staff.notFound"));
  throw redirect("/netwerk/privacy?melding=gewist");
}

/** A request that is not open here (another municipality's, or already handled): 404, with the reason on the page. */
function notHere(message: string) {
  return data({ ok: false as const, errors: { _form: message } as Record<string, string>, values: {} as Record<string, string> }, { status: 404 });
}

export default function NetworkPrivacy({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const errors = actionData?.errors;
  const values: Record<string, string | undefined> = actionData?.values ?? {};
  return (
    <>
      <StaffPageHeader title={t("privacy.network.title")} sections={[]} notice={errors ? null : loaderData.notice} />
      <p className="utrecht-paragraph">{t("privacy.network.intro")}</p>
      <ErrorSummary errors={errors} labels={{ note: t("privacy.staff.reject.note") }} />
      <ErasureRequests basePath="/netwerk/privacy" requests={loaderData.requests} confirm={loaderData.confirm} reject={loaderData.reject} errors={errors} values={values} />
    </>
  );
}
