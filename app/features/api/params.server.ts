/**
 * Path parameters of the API, checked before any lookup: a malformed slug or id is invalid input
 * (400, naming the parameter), an unknown but well-formed one is a 404.
 */
import { municipalitySlugParam, type ListedStatus } from "~/features/calendar/schema";
import { apiTranslator, validationProblem } from "./http.server";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A 400 problem naming each malformed path parameter, or null when they are well-formed. */
export function pathParameterProblem(request: Request, params: { slug?: string; id?: string }): Response | null {
  const { t } = apiTranslator(request);
  const errors: Record<string, string> = {};
  if (params.slug !== undefined && !municipalitySlugParam.safeParse(params.slug).success) errors.slug = t("validation.invalid");
  if (params.id !== undefined && !UUID.test(params.id)) errors.id = t("validation.invalid");
  return Object.keys(errors).length > 0 ? validationProblem(request, errors) : null;
}

/** The API's `status` filter (`scheduled`, `cancelled`, or both when left out) as the statuses the reads know. */
export function listedStatuses(status: "scheduled" | "cancelled" | undefined): ListedStatus[] {
  if (status === "scheduled") return ["published"];
  if (status === "cancelled") return ["cancelled"];
  return ["published", "cancelled"];
}
