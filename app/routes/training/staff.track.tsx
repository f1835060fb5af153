import { Link } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { authorizeMunicipality, notFound } from "~/features/authorization/gate.server";
import { staffPageData } from "~/features/municipalities/staff-page.server";
import { handleTrackAction, readTrackNotice, trackPageView } from "~/features/training/tracks-editor.server";
import { findTrack } from "~/features/training/tracks-reads.server";
import { StaffPageHeader } from "~/components/staff-nav";
import { TrackEditor } from "~/components/track-editor";
import { useTranslation } from "~/lib/i18n/use-translation";
import tracksCss from "~/styles/tracks.css?url";
import type { Route } from "./+types/staff.track";

/** The municipality's own copy of a network track: adapt and publish it, take over the network's newer version. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, municipality } = await authorizeMunicipality(request, params.slug, "training.manage_tracks");
  const { locale, t } = await getTranslator(request);
  const detail = await findTrack({ kind: "municipality", municipalityId: municipality.id }, params.id);
  if (!detail) throw notFound();
  const name = (detail.draft ?? detail.latestPublished)?.name ?? "";
  return {
    ...staffPageData(user, municipality),
    notice: readTrackNotice(request),
    slug: municipality.slug,
    view: trackPageView(detail, request, locale, t),
    name,
    title: `${name} — ${municipality.name}`,
  };
}

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: tracksCss }];

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }];

export async function action({ request, params }: Route.ActionArgs) {
  const { user, municipality } = await authorizeMunicipality(request, params.slug, "training.manage_tracks");
  const { locale, t } = await getTranslator(request);
  const owner = { kind: "municipality", municipalityId: municipality.id } as const;
  if (!(await findTrack(owner, params.id))) throw notFound();
  return handleTrackAction({ request, owner, trackId: params.id, userId: user.id, locale, t, path: `/beheer/${municipality.slug}/trajecten/${params.id}` });
}

export default function StaffTrack({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <>
      <StaffPageHeader title={loaderData.name} sections={loaderData.sections} notice={loaderData.notice} />
      <p>
        <Link className="utrecht-link" to={`/beheer/${loaderData.slug}/trajecten`}>
          {t("tracks.backToList")}
        </Link>
      </p>
      <TrackEditor view={loaderData.view} basePath={`/beheer/${loaderData.slug}/trajecten/${loaderData.view.trackId}`} errors={actionData?.errors} sent={actionData?.values ?? null} />
    </>
  );
}
