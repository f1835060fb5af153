import { Link, redirect } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { authorizeNetwork } from "~/features/authorization/gate.server";
import { readTrackNotice, withTrackNotice } from "~/features/training/tracks-editor.server";
import { listNetworkTracks } from "~/features/training/tracks-reads.server";
import { createTrackInput } from "~/features/training/tracks-schema";
import { createNetworkTrack } from "~/features/training/tracks-writes.server";
import { DataTable } from "~/components/data-table";
import { ErrorSummary, PostForm, SubmitButton, TextField } from "~/components/form";
import { StaffPageHeader } from "~/components/staff-nav";
import { formToObject, invalid, parseInput, readForm } from "~/lib/forms.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { Route } from "./+types/network.tracks";

/** The network's curriculum templates, for the network coordinator. */
export async function loader({ request }: Route.LoaderArgs) {
  const { network } = await authorizeNetwork(request, "network.manage_tracks");
  const { t } = await getTranslator(request);
  return { notice: readTrackNotice(request), tracks: await listNetworkTracks(network), title: `${t("tracks.network.title")} — Buurtkracht` };
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }];

export async function action({ request }: Route.ActionArgs) {
  const { user, network } = await authorizeNetwork(request, "network.manage_tracks");
  const { locale, t } = await getTranslator(request);
  const values = formToObject(await readForm(request));
  const parsed = parseInput(createTrackInput, values, locale, t);
  if (!parsed.ok) return invalid(parsed.errors, values);
  const result = await createNetworkTrack(network, user.id, parsed.data);
  if (!result.ok) return invalid({ [result.field]: t(result.message) }, values);
  return redirect(withTrackNotice(`/netwerk/trajecten/${result.trackId}`, "aangemaakt"));
}

export default function NetworkTracks({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const errors = actionData?.errors;
  return (
    <>
      <StaffPageHeader title={t("tracks.network.title")} sections={[]} notice={loaderData.notice} />
      <p>
        <Link className="utrecht-link" to="/netwerk">
          {t("tracks.backToNetwork")}
        </Link>
      </p>
      <p className="utrecht-paragraph">{t("tracks.network.intro")}</p>
      <section className="page-section" aria-labelledby="tracks-heading">
        <h2 className="utrecht-heading-2" id="tracks-heading">
          {t("tracks.network.list")}
        </h2>
        {loaderData.tracks.length === 0 ? (
          <p className="utrecht-paragraph">{t("tracks.network.none")}</p>
        ) : (
          <DataTable caption={t("tracks.network.list")} columns={[t("tracks.column.name"), t("tracks.column.version"), t("tracks.column.adoptions")]}>
            {loaderData.tracks.map((track) => (
              <tr key={track.id}>
                <td>
                  <Link className="utrecht-link" to={`/netwerk/trajecten/${track.id}`}>
                    {track.name}
                  </Link>
                </td>
                <td>
                  {track.latestPublishedVersion === null ? t("tracks.list.notPublished") : t("tracks.list.published", { version: track.latestPublishedVersion })}
                  {track.hasDraft && track.latestPublishedVersion !== null && <> · {t("tracks.list.draft", { version: track.latestVersion })}</>}
                </td>
                <td>{track.adoptions}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
      <section className="page-section" aria-labelledby="create-heading">
        <h2 className="utrecht-heading-2" id="create-heading">
          {t("tracks.network.create")}
        </h2>
        <p className="utrecht-paragraph">{t("tracks.network.createHelp")}</p>
        <ErrorSummary errors={errors} labels={{ name: t("tracks.field.name") }} />
        <PostForm>
          <TextField name="name" label={t("tracks.field.name")} required errors={errors} defaultValue={actionData?.values?.name} maxLength={120} />
          <div className="button-row">
            <SubmitButton>{t("tracks.network.createButton")}</SubmitButton>
          </div>
        </PostForm>
      </section>
    </>
  );
}
