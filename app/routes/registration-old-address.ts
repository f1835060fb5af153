import { redirect } from "react-router";
import { cancellationPath } from "~/features/activities/urls";
import type { Route } from "./+types/registration-old-address";

/**
 * The address of a registration page in mails sent before it became /aanmelding. Those links stay
 * valid for as long as the registration does, so they move on permanently; a post (a cancel button
 * on a page still open at the old address) keeps its method with 308.
 */
export function loader({ params }: Route.LoaderArgs) {
  return redirect(cancellationPath(params.token), 301);
}

export function action({ params }: Route.ActionArgs) {
  return redirect(cancellationPath(params.token), 308);
}
