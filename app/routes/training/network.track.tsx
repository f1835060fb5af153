import { Link } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { authorizeNetwork, notFound } from "~/features/authorization/gate.server";
import { handleTrackAction, readTrackNotice, trackPageView } from "~/features/training/tracks-editor.server";
import { findTrack } from "~/features/training/tracks-reads.server";
import { StaffPageHeader } from "~/components/staff-nav";
import { TrackEditor } from "~/components/track-editor";
import { useTranslation } from "~/lib/i18n/use-translation";
import tracksCss from "~/styles/tracks.css?url";
import type { Route } from "./+types/network.track";

/** One network track: its versions, and its draft to edit and publish. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { network } = await authorizeNetwork(request, "network.manage_tracks");
  const { locale, t } = await getTranslator(request);
  const detail = await findTrack({ kind: "network", network }, params.id);
  if (!detail) throw notFound();
  const view = trackPageView(detail, request, locale, t);
  const name = (detail.draft ?? detail.latestPublished)?.name ?? "";
  return { notice: readTrackNotice(request), view, name, title: `${name} — ${t("tracks.network.title")}` };
}

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: tracksCss }];

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }];

export async function action({ request, params }: Route.ActionArgs) {
  const { user, network } = await authorizeNetwork(request, "network.manage_tracks");
  const { locale, t } = await getTranslator(request);
  const owner = { kind: "network", network } as const;
  if (!(await findTrack(owner, params.id))) throw notFound();
  return handleTrackAction({ request, owner, trackId: params.id, userId: user.id, locale, t, path: `/netwerk/trajecten/${params.id}` });
}

export default function NetworkTrack({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <>
      <StaffPageHeader title={loaderData.name} sections={[]} notice={loaderData.notice} />
      <p>
        <Link className="utrecht-link" to="/netwerk/trajecten">
          {t("tracks.backToList")}
        </Link>
      </p>
      <TrackEditor view={loaderData.view} basePath={`/netwerk/trajecten/${loaderData.view.trackId}`} errors={actionData?.errors} sent={actionData?.values ?? null} />
    </>
  );
}
