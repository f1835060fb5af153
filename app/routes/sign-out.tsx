import { redirect } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { getCurrentUser } from "~/features/accounts/session.server";
import { signOut } from "~/features/accounts/sign-in.server";
import { PostForm, SubmitButton } from "~/components/form";
import { PageTitle } from "~/components/ui";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { Route } from "./+types/sign-out";

export const handle = { hydrate: false };

/** A GET only shows the question: signing out changes state, so it takes a POST. */
export async function loader({ request }: Route.LoaderArgs) {
  const { t } = await getTranslator(request);
  return { title: `${t("accounts.signOut.title")} — Buurtkracht`, signedIn: (await getCurrentUser(request)) !== null };
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }];

export async function action({ request }: Route.ActionArgs) {
  throw redirect("/", { headers: await signOut(request) });
}

export default function SignOut({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <div className="page-narrow">
      <PageTitle>{t("accounts.signOut.title")}</PageTitle>
      {loaderData.signedIn ? (
        <>
          <p className="utrecht-paragraph">{t("accounts.signOut.intro")}</p>
          <PostForm>
            <div className="button-row">
              <SubmitButton>{t("accounts.signOut.submit")}</SubmitButton>
            </div>
          </PostForm>
        </>
      ) : (
        <p className="utrecht-paragraph">{t("accounts.signOut.notSignedIn")}</p>
      )}
    </div>
  );
}
