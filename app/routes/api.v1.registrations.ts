import { readJsonBody } from "~/features/api/body.server";
import { apiJson, apiTranslator, methodNotAllowed, notFoundProblem, preflight, problem, validationProblem } from "~/features/api/http.server";
import { pathParameterProblem } from "~/features/api/params.server";
import { ageRangeText } from "~/features/calendar/calendar-view";
import { mayAttemptRegistration } from "~/features/calendar/rate-limits.server";
import { findPublishedActivityInNetwork } from "~/features/calendar/reads.server";
import { registrationInput } from "~/features/registrations/schema";
import { apiReferral } from "~/features/recruitment/schema";
import { RegistrationError, registerForActivity } from "~/features/registrations/writes.server";
import { parseInput } from "~/lib/forms.server";
import type { Route } from "./+types/api.v1.registrations";

export function loader({ request }: Route.LoaderArgs) {
  if (request.method === "OPTIONS") return preflight(["POST"]);
  return methodNotAllowed(request, ["POST"]);
}

/**
 * POST /api/v1/activities/{id}/registrations: sign up without an account. A new and a repeated
 * sign-up get the same answer (202, the outcome is mailed), so the API does not tell anyone whether
 * an address attends an activity (ADR 015).
 */
export async function action({ request, params }: Route.ActionArgs) {
  if (request.method !== "POST") return methodNotAllowed(request, ["POST"]);
  const { locale, t } = apiTranslator(request);
  const invalid = pathParameterProblem(request, { id: params.id });
  if (invalid) return invalid;
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const activity = await findPublishedActivityInNetwork(params.id);
  if (!activity) return notFoundProblem(request, "api.problem.activityNotFound");
  const parsed = parseInput(registrationInput.extend(apiReferral.shape), body.value, locale, t);
  if (!parsed.ok) return validationProblem(request, parsed.errors);
  if (!(await mayAttemptRegistration(request, activity.id, parsed.data.email))) {
    return problem(
      429,
      { code: "rate_limited", title: t("api.problem.tooManyRequests"), detail: t("api.problem.tooManyRequestsDetail") },
      { locale, headers: { "Retry-After": "60" } },
    );
  }
  const refused = (code: "closed" | "full") =>
    problem(409, { code, title: t("api.problem.conflict"), detail: t(`activity.register.error.${code}`) }, { locale });
  try {
    const { ref, ...person } = parsed.data;
    // An unknown, replaced or foreign code is ignored: the sign-up itself never depends on it.
    const result = await registerForActivity({ activityId: activity.id, ...person, userId: null, locale, referralCode: ref ?? null });
    if (result.answer === "full") return refused("full");
    return apiJson({ status: "received" }, { status: 202 });
  } catch (error) {
    if (!(error instanceof RegistrationError)) throw error;
    if (error.code === "not_found") return notFoundProblem(request, "api.problem.activityNotFound");
    if (error.code === "age_group") {
      return validationProblem(request, { ageGroup: t("activity.register.error.age_group", { ages: ageRangeText(activity, t) }) });
    }
    return refused(error.code);
  }
}
