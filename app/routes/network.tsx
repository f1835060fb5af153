import { Link, redirect } from "react-router";
import { authorizeNetwork } from "~/features/authorization/gate.server";
import { can } from "~/features/authorization/policy";
import { getTranslator } from "~/features/accounts/locale.server";
import { appointProjectLeaderSchema } from "~/features/memberships/schema";
import { appointProjectLeader } from "~/features/memberships/writes.server";
import { listNetworkMunicipalities } from "~/features/municipalities/reads.server";
import { createMunicipalitySchema } from "~/features/municipalities/schema";
import { readNotice } from "~/features/municipalities/staff-page.server";
import { createMunicipality } from "~/features/municipalities/writes.server";
import { DataTable } from "~/components/data-table";
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextField } from "~/components/form";
import { StaffPageHeader } from "~/components/staff-nav";
import { formToObject, invalid, parseInput, readForm } from "~/lib/forms.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { Route } from "./+types/network";

export async function loader({ request }: Route.LoaderArgs) {
  const { user, network } = await authorizeNetwork(request, "network.manage_municipalities");
  const { t } = await getTranslator(request);
  return {
    notice: readNotice(request),
    canManageTracks: can(user.actor, "network.manage_tracks"),
    municipalities: await listNetworkMunicipalities(network),
    title: `${t("network.title")} — Buurtkracht`,
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }];

export async function action({ request }: Route.ActionArgs) {
  const { locale, t } = await getTranslator(request);
  const values = formToObject(await readForm(request));
  if (values.intent === "appoint") {
    const { user, network } = await authorizeNetwork(request, "network.appoint_project_leaders");
    const parsed = parseInput(appointProjectLeaderSchema, values, locale, t);
    if (!parsed.ok) return invalid(parsed.errors, values);
    const result = await appointProjectLeader(network, { id: user.id, name: user.name, locale }, parsed.data);
    if (!result.ok) return invalid({ [result.field]: t(result.message) }, values);
    return redirect("/netwerk?melding=uitgenodigd");
  }
  const { network } = await authorizeNetwork(request, "network.manage_municipalities");
  const parsed = parseInput(createMunicipalitySchema, values, locale, t);
  if (!parsed.ok) return invalid(parsed.errors, values);
  const result = await createMunicipality(network, parsed.data);
  if (!result.ok) return invalid({ [result.field]: t(result.message) }, values);
  return redirect("/netwerk?melding=aangemaakt");
}

export default function Network({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const errors = actionData?.errors;
  const values = actionData?.values ?? {};
  const isAppoint = values.intent === "appoint";
  return (
    <>
      <StaffPageHeader title={t("network.title")} sections={[]} notice={loaderData.notice} />
      {loaderData.canManageTracks && (
        <section className="page-section" aria-labelledby="tracks-link-heading">
          <h2 className="utrecht-heading-2" id="tracks-link-heading">
            <Link className="utrecht-link" to="/netwerk/trajecten">
              {t("tracks.networkLink")}
            </Link>
          </h2>
          <p className="utrecht-paragraph">{t("tracks.networkLinkHelp")}</p>
        </section>
      )}
      <section className="page-section">
        <h2 className="utrecht-heading-2">{t("network.municipalities")}</h2>
        <DataTable
          caption={t("network.municipalities")}
          columns={[
            t("admin.field.municipalityName"),
            t("network.column.projectLeaders"),
            t("network.column.neighbourhoods"),
            t("network.column.partners"),
            t("network.column.publication"),
          ]}
        >
          {loaderData.municipalities.map((municipality) => (
            <tr key={municipality.id}>
              <td>
                <span className="colour-swatch" style={{ backgroundColor: municipality.themeColour }} aria-hidden="true" /> {municipality.name}
                <br />
                <span className="muted">/{municipality.slug}</span>
                {/* The links sit with the name, not in a last column that a phone shows only after scrolling. */}
                <ul className="plain-list">
                  <li>
                    <Link className="utrecht-link" to={`/beheer/${municipality.slug}`}>
                      {t("network.manage")}
                      <span className="visually-hidden"> {municipality.name}</span>
                    </Link>
                  </li>
                  {municipality.isPublished && (
                    <li>
                      <Link className="utrecht-link" to={`/${municipality.slug}`}>
                        {t("network.publicPage")}
                        <span className="visually-hidden"> {municipality.name}</span>
                      </Link>
                    </li>
                  )}
                </ul>
              </td>
              <td>{municipality.projectLeaders.length > 0 ? municipality.projectLeaders.join(", ") : t("network.noProjectLeader")}</td>
              <td>{municipality.neighbourhoodCount}</td>
              <td>{municipality.partnerCount}</td>
              <td>{t(municipality.isPublished ? "network.publication.published" : "network.publication.notPublished")}</td>
            </tr>
          ))}
        </DataTable>
      </section>

      <section className="page-section" aria-labelledby="create-heading">
        <h2 className="utrecht-heading-2" id="create-heading">
          {t("network.create")}
        </h2>
        {!isAppoint && <ErrorSummary errors={errors} labels={{ name: t("admin.field.municipalityName"), slug: t("admin.field.slug"), themeColour: t("admin.field.themeColour") }} />}
        <PostForm>
          <input type="hidden" name="intent" value="create" />
          <TextField name="name" label={t("admin.field.municipalityName")} required errors={isAppoint ? undefined : errors} defaultValue={isAppoint ? undefined : values.name} maxLength={100} />
          <TextField
            name="slug"
            label={t("admin.field.slug")}
            description={t("network.slugDescription")}
            required
            errors={isAppoint ? undefined : errors}
            defaultValue={isAppoint ? undefined : values.slug}
            maxLength={60}
          />
          <TextField
            name="themeColour"
            label={t("admin.field.themeColour")}
            description={t("admin.field.themeColour.description")}
            required
            errors={isAppoint ? undefined : errors}
            defaultValue={isAppoint ? "#1d4f91" : (values.themeColour ?? "#1d4f91")}
            maxLength={7}
          />
          <div className="button-row">
            <SubmitButton>{t("network.createButton")}</SubmitButton>
          </div>
        </PostForm>
      </section>

      <section className="page-section" aria-labelledby="appoint-heading">
        <h2 className="utrecht-heading-2" id="appoint-heading">
          {t("network.appoint")}
        </h2>
        <p className="utrecht-paragraph">{t("network.appointHelp")}</p>
        {isAppoint && <ErrorSummary errors={errors} labels={{ municipalityId: t("network.field.municipality"), email: t("admin.field.email") }} />}
        <PostForm>
          <input type="hidden" name="intent" value="appoint" />
          <SelectField
            name="municipalityId"
            label={t("network.field.municipality")}
            required
            errors={isAppoint ? errors : undefined}
            defaultValue={isAppoint ? values.municipalityId : undefined}
            includeEmpty={t("network.field.municipality.choose")}
            options={loaderData.municipalities.map((municipality) => ({ value: municipality.id, label: municipality.name }))}
          />
          <TextField name="email" type="email" label={t("admin.field.email")} required autoComplete="off" errors={isAppoint ? errors : undefined} defaultValue={isAppoint ? values.email : undefined} maxLength={254} />
          <div className="button-row">
            <SubmitButton>{t("network.appointButton")}</SubmitButton>
          </div>
        </PostForm>
      </section>
      <section className="page-section">
        <h2 className="utrecht-heading-2">{t("privacy.staff.title")}</h2>
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to="/netwerk/privacy">
            {t("privacy.network.link")}
          </Link>
        </p>
      </section>
    </>
  );
}
