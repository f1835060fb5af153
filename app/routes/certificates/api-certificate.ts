import { apiTranslator, cacheableJson, methodNotAllowed, preflight, problem, validationProblem } from "~/features/api/http.server";
import { certificateVerdict } from "~/features/certificates/public.server";
import { normaliseCode } from "~/features/certificates/reads.server";
import type { Route } from "./+types/api-certificate";

/**
 * The machine answer of the public certificate check: valid or revoked, by whom, when, for what.
 * A code that cannot be one is invalid input (400); a well-formed code without a certificate is
 * a 404, whether it was mistyped or never issued.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  if (request.method === "OPTIONS") return preflight(["GET"]);
  const { t, locale } = apiTranslator(request);
  if (!normaliseCode(params.code ?? "")) return validationProblem(request, { code: t("validation.invalid") });
  const verdict = await certificateVerdict(params.code ?? "");
  if (!verdict) return problem(404, { code: "not_found", title: t("api.problem.notFound"), detail: t("api.problem.certificateNotFound") }, { locale });
  return cacheableJson(
    request,
    {
      data: {
        code: verdict.code,
        kind: verdict.kind,
        status: verdict.status,
        holderName: verdict.holderName,
        track: verdict.trackName,
        issuer: verdict.issuer,
        issuedAt: verdict.issuedAt.toISOString(),
        revokedAt: verdict.revokedAt?.toISOString() ?? null,
        revocationReason: verdict.revocationReason,
        competences: verdict.competences,
        url: verdict.verificationUrl,
      },
    },
    { maxAge: 60 },
  );
}

export function action({ request }: Route.ActionArgs) {
  return methodNotAllowed(request, ["GET"]);
}
