import { Form, Link, redirect } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { authorizeMunicipality } from "~/features/authorization/gate.server";
import { staffPageData } from "~/features/municipalities/staff-page.server";
import { readTrackNotice, withTrackNotice } from "~/features/training/tracks-editor.server";
import { listAdoptableNetworkTracks, listMunicipalTracks } from "~/features/training/tracks-reads.server";
import { formId } from "~/features/training/tracks-schema";
import { adoptTrack } from "~/features/training/tracks-writes.server";
import { DataTable } from "~/components/data-table";
import { ErrorSummary, SubmitButton } from "~/components/form";
import { StaffPageHeader } from "~/components/staff-nav";
import { formToObject, invalid, readForm } from "~/lib/forms.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import tracksCss from "~/styles/tracks.css?url";
import type { Route } from "./+types/staff.tracks";

/** The municipality's own tracks, and the network's tracks it can adopt. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, municipality } = await authorizeMunicipality(request, params.slug, "training.manage_tracks");
  const { t } = await getTranslator(request);
  return {
    ...staffPageData(user, municipality),
    notice: readTrackNotice(request),
    slug: municipality.slug,
    own: await listMunicipalTracks(municipality.id),
    adoptable: await listAdoptableNetworkTracks(municipality.id),
    title: `${t("tracks.municipal.title")} — ${municipality.name}`,
  };
}

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: tracksCss }];

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }];

export async function action({ request, params }: Route.ActionArgs) {
  const { user, municipality } = await authorizeMunicipality(request, params.slug, "training.manage_tracks");
  const { t } = await getTranslator(request);
  const values = formToObject(await readForm(request));
  const id = formId.safeParse(values.id);
  if (values.intent !== "adopt" || !id.success) return invalid({ _form: t("tracks.error.notFound") }, { intent: "adopt" });
  const result = await adoptTrack(municipality.id, id.data, user.id);
  if (!result.ok) return invalid({ [result.field]: t(result.message) }, { intent: "adopt" });
  return redirect(withTrackNotice(`/beheer/${municipality.slug}/trajecten/${result.trackId}`, "overgenomenTraject"));
}

export default function StaffTracks({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { slug } = loaderData;
  return (
    <>
      <StaffPageHeader title={t("tracks.municipal.title")} sections={loaderData.sections} notice={loaderData.notice} />
      <p className="utrecht-paragraph">{t("tracks.municipal.intro")}</p>
      <section className="page-section" aria-labelledby="own-heading">
        <h2 className="utrecht-heading-2" id="own-heading">
          {t("tracks.municipal.own")}
        </h2>
        {loaderData.own.length === 0 ? (
          <p className="utrecht-paragraph">{t("tracks.municipal.noneOwn")}</p>
        ) : (
          <DataTable caption={t("tracks.municipal.own")} columns={[t("tracks.column.name"), t("tracks.column.version"), t("tracks.column.network")]}>
            {loaderData.own.map((track) => (
              <tr key={track.id}>
                <td>
                  <Link className="utrecht-link" to={`/beheer/${slug}/trajecten/${track.id}`}>
                    {track.name}
                  </Link>
                </td>
                <td>
                  {track.latestPublishedVersion === null ? t("tracks.list.notPublished") : t("tracks.list.published", { version: track.latestPublishedVersion })}
                  {track.hasDraft && track.latestPublishedVersion !== null && <> · {t("tracks.list.draft", { version: track.latestVersion })}</>}
                </td>
                <td>
                  {track.networkUpdate !== null ? (
                    <Link className="utrecht-link" to={`/beheer/${slug}/trajecten/${track.id}#network-update`}>
                      {t("tracks.list.updateAvailable", { version: track.networkUpdate })}
                      <span className="visually-hidden"> {track.name}</span>
                    </Link>
                  ) : track.basedOnVersion !== null ? (
                    t("tracks.list.basedOn", { version: track.basedOnVersion })
                  ) : (
                    ""
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
      <section className="page-section" aria-labelledby="adopt-heading">
        <h2 className="utrecht-heading-2" id="adopt-heading">
          {t("tracks.municipal.adoptable")}
        </h2>
        <p className="utrecht-paragraph">{t("tracks.municipal.adoptHelp")}</p>
        <ErrorSummary errors={actionData?.errors} labels={{}} />
        {loaderData.adoptable.length === 0 ? (
          <p className="utrecht-paragraph">{t("tracks.municipal.noneAdoptable")}</p>
        ) : (
          <ul className="track-parts">
            {loaderData.adoptable.map((track) => (
              <li className="track-part" key={track.id}>
                <h3 className="utrecht-heading-3">{track.name}</h3>
                <p className="utrecht-paragraph muted">
                  {t("tracks.versionNumber", { version: track.version })} ·{" "}
                  {track.maxAge === null ? t("tracks.facts.agesFrom", { min: track.minAge }) : t("tracks.facts.agesRange", { min: track.minAge, max: track.maxAge })} ·{" "}
                  {t("tracks.list.meetings", { count: track.meetingCount })}
                </p>
                {track.description && <p className="utrecht-paragraph pre-line">{track.description}</p>}
                <Form method="post" noValidate>
                  <input type="hidden" name="intent" value="adopt" />
                  <input type="hidden" name="id" value={track.id} />
                  <SubmitButton>
                    {t("tracks.municipal.adopt")}
                    <span className="visually-hidden"> {track.name}</span>
                  </SubmitButton>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
