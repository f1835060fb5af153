import { notFoundProblem } from "~/features/api/http.server";
import type { Route } from "./+types/api.v1.not-found";

/** Any other path under /api/v1 answers as the API does: a problem document, not an HTML page. */
export function loader({ request }: Route.LoaderArgs) {
  return notFoundProblem(request, "api.problem.pathNotFound");
}

export function action({ request }: Route.ActionArgs) {
  return notFoundProblem(request, "api.problem.pathNotFound");
}
