import { Link, redirect } from "react-router";
import { authorizeMunicipality } from "~/features/authorization/gate.server";
import { getTranslator } from "~/features/accounts/locale.server";
import { isSlugTaken } from "~/features/municipalities/reads.server";
import { municipalitySettingsSchema } from "~/features/municipalities/schema";
import { openStaffPage, withNotice } from "~/features/municipalities/staff-page.server";
import { publishMunicipality, updateMunicipalitySettings } from "~/features/municipalities/writes.server";
import { CheckboxField, ErrorSummary, PostForm, SubmitButton, TextAreaField, TextField } from "~/components/form";
import { contrastRatio, contrastText } from "~/components/municipality-theme";
import { StaffPageHeader } from "~/components/staff-nav";
import { formToObject, invalid, parseInput, readForm } from "~/lib/forms.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import { ImageRejectedError, MAX_UPLOAD_BYTES, storeImage } from "~/lib/storage.server";
import { formatInZone } from "~/lib/time";
import { canInMunicipality } from "~/features/authorization/policy";
import { programmeSettingsInput } from "~/features/practice/handover-schema";
import { getProgrammeSettings } from "~/features/practice/settings-reads.server";
import { saveProgrammeSettings } from "~/features/practice/settings-writes.server";
import type { Route } from "./+types/staff.settings";

/** Logos are shown at most this wide or high; larger uploads are scaled down. */
const LOGO_MAX_SIZE = 600;

export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, municipality, page, locale } = await openStaffPage(request, params.slug, "municipality.edit_settings", "staff.settings.title");
  return {
    ...page,
    programme: canInMunicipality(user.actor, "practice.edit_settings", municipality.id) ? await getProgrammeSettings(municipality.id) : null,
    publishedOn: municipality.publishedAt ? formatInZone(municipality.publishedAt, locale, { dateStyle: "long" }) : null,
    settings: {
      name: municipality.name,
      slug: municipality.slug,
      themeColour: municipality.themeColour,
      introduction: municipality.introduction,
      contactEmail: municipality.contactEmail ?? "",
      logoPath: municipality.logoPath,
    },
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }];

export async function action({ request, params }: Route.ActionArgs) {
  const { municipality } = await authorizeMunicipality(request, params.slug, "municipality.edit_settings");
  const { locale, t } = await getTranslator(request);
  // Refuse an oversized upload before reading it into memory.
  if (Number(request.headers.get("content-length") ?? 0) > MAX_UPLOAD_BYTES + 256 * 1024) {
    return invalid({ logo: t("admin.logo.tooLarge") });
  }
  const form = await readForm(request);
  const values = formToObject(form);
  if (values.intent === "programme") {
    const { municipality: scope, user } = await authorizeMunicipality(request, params.slug, "practice.edit_settings");
    const programme = parseInput(programmeSettingsInput, values, locale, t);
    if (!programme.ok) return invalid(programme.errors, values);
    await saveProgrammeSettings(scope.id, programme.data, user.id);
    return redirect(`${withNotice(`/beheer/${municipality.slug}/instellingen`, "opgeslagen")}#programma`);
  }
  if (values.intent === "publish") {
    await publishMunicipality(municipality.id);
    return redirect(withNotice(`/beheer/${municipality.slug}/instellingen`, "gepubliceerd"));
  }
  const parsed = parseInput(municipalitySettingsSchema, values, locale, t);
  if (!parsed.ok) return invalid(parsed.errors, values);
  const { removeLogo, ...settings } = parsed.data;
  // Checked before the logo is stored, so a taken address does not leave an unused file behind.
  if (await isSlugTaken(settings.slug, municipality.id)) return invalid({ slug: t("admin.validation.slugTaken") }, values);
  let logoPath: string | null | undefined = removeLogo ? null : undefined;
  const logo = form.get("logo");
  if (logo instanceof File && (logo.size > 0 || logo.name !== "")) {
    try {
      logoPath = await storeImage(logo, LOGO_MAX_SIZE);
    } catch (error) {
      if (error instanceof ImageRejectedError) return invalid({ logo: t(`admin.logo.${error.problem}`) }, values);
      throw error;
    }
  }
  const result = await updateMunicipalitySettings(municipality.id, { ...settings, logoPath });
  if (!result.ok) return invalid({ [result.field]: t(result.message) }, values);
  return redirect(withNotice(`/beheer/${result.slug}/instellingen`, "opgeslagen"));
}

export default function Settings({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { settings } = loaderData;
  const sentIntent = (actionData?.values as Record<string, string> | undefined)?.intent;
  const programmeErrors = sentIntent === "programme" ? actionData?.errors : undefined;
  const errors = sentIntent === "programme" ? undefined : actionData?.errors;
  const values = { ...settings, ...(sentIntent === "programme" ? {} : actionData?.values) };
  const programmeSent = sentIntent === "programme" ? (actionData?.values as Record<string, string>) : null;
  const textColour = contrastText(settings.themeColour);
  const ratio = contrastRatio(settings.themeColour, textColour);
  return (
    <>
      <StaffPageHeader title={t("staff.settings.title")} sections={loaderData.sections} notice={loaderData.notice} />
      <section className="page-section" aria-labelledby="publication-heading">
        <h2 className="utrecht-heading-2" id="publication-heading">
          {t("publication.heading")}
        </h2>
        {loaderData.publishedOn ? (
          <p className="utrecht-paragraph">
            {t("publication.published", { date: loaderData.publishedOn })}{" "}
            <Link className="utrecht-link" to={`/${settings.slug}`}>
              {t("publication.viewPublic")}
            </Link>
          </p>
        ) : (
          <>
            <p className="utrecht-paragraph">{t("publication.notPublished")}</p>
            <PostForm>
              <input type="hidden" name="intent" value="publish" />
              <div className="button-row">
                <SubmitButton>{t("publication.publishButton")}</SubmitButton>
              </div>
            </PostForm>
          </>
        )}
      </section>
      <ErrorSummary
        errors={errors}
        labels={{
          name: t("admin.field.municipalityName"),
          slug: t("admin.field.slug"),
          themeColour: t("admin.field.themeColour"),
          introduction: t("admin.field.introduction"),
          contactEmail: t("admin.field.contactEmail"),
          logo: t("admin.field.logo"),
        }}
      />
      <PostForm encType="multipart/form-data">
        <TextField name="name" label={t("admin.field.municipalityName")} required defaultValue={values.name} errors={errors} maxLength={100} />
        <TextField
          name="slug"
          label={t("admin.field.slug")}
          description={t("admin.field.slug.description")}
          required
          defaultValue={values.slug}
          errors={errors}
          maxLength={60}
        />
        <TextField
          name="themeColour"
          label={t("admin.field.themeColour")}
          description={t("admin.field.themeColour.description")}
          required
          defaultValue={values.themeColour}
          errors={errors}
          maxLength={7}
        />
        <div className="theme-preview" style={{ backgroundColor: settings.themeColour, color: textColour }} data-testid="theme-preview">
          <p className="utrecht-paragraph">{t("admin.themePreview.sample", { name: settings.name })}</p>
          <p className="utrecht-paragraph">
            {t("admin.themePreview.contrast", { ratio: ratio.toFixed(1) })}{" "}
            {t(textColour === "#ffffff" ? "admin.themePreview.whiteText" : "admin.themePreview.blackText")}
          </p>
        </div>
        <TextAreaField
          name="introduction"
          label={t("admin.field.introduction")}
          description={t("admin.field.introduction.description")}
          defaultValue={values.introduction}
          errors={errors}
          maxLength={2000}
        />
        <TextField
          name="contactEmail"
          type="email"
          label={t("admin.field.contactEmail")}
          description={t("admin.field.contactEmail.description")}
          defaultValue={values.contactEmail}
          errors={errors}
          maxLength={254}
        />
        {settings.logoPath && (
          <figure className="logo-preview">
            <img src={`/uploads/${settings.logoPath}`} alt={t("admin.logo.current", { name: settings.name })} />
          </figure>
        )}
        <TextField name="logo" type="file" label={t("admin.field.logo")} description={t("admin.field.logo.description")} accept="image/png,image/jpeg,image/webp,image/gif,image/avif" errors={errors} />
        {settings.logoPath && <CheckboxField name="removeLogo" label={t("admin.field.removeLogo")} errors={errors} />}
        <div className="button-row">
          <SubmitButton>{t("form.save")}</SubmitButton>
        </div>
      </PostForm>
      {loaderData.programme && (
        <section className="page-section" aria-labelledby="programma">
          <h2 className="utrecht-heading-2" id="programma" tabIndex={-1}>
            {t("handover.settings.title")}
          </h2>
          <p className="utrecht-paragraph">{t("handover.settings.intro")}</p>
          <PostForm>
            <ErrorSummary
              errors={programmeErrors}
              labels={{ handoverDuringCourse: t("handover.settings.duringCourse"), handoverAnswerDays: t("handover.settings.answerDays"), placementQuietDays: t("handover.settings.quietDays"), certifiedPublishDirectly: t("organisers.settings.publishDirectly") }}
            />
            <input type="hidden" name="intent" value="programme" />
            <CheckboxField
              name="handoverDuringCourse"
              label={t("handover.settings.duringCourse")}
              defaultChecked={programmeSent ? programmeSent.handoverDuringCourse === "on" : loaderData.programme.handoverDuringCourse}
              errors={programmeErrors}
            />
            <TextField
              name="handoverAnswerDays"
              type="number"
              inputMode="numeric"
              min={1}
              max={60}
              label={t("handover.settings.answerDays")}
              description={t("handover.settings.answerDaysHint")}
              required
              defaultValue={programmeSent ? programmeSent.handoverAnswerDays : loaderData.programme.handoverAnswerDays}
              errors={programmeErrors}
            />
            <TextField
              name="placementQuietDays"
              type="number"
              inputMode="numeric"
              min={7}
              max={180}
              label={t("handover.settings.quietDays")}
              description={t("handover.settings.quietDaysHint")}
              required
              defaultValue={programmeSent ? programmeSent.placementQuietDays : loaderData.programme.placementQuietDays}
              errors={programmeErrors}
            />
            <CheckboxField
              name="certifiedPublishDirectly"
              label={t("organisers.settings.publishDirectly")}
              defaultChecked={programmeSent ? programmeSent.certifiedPublishDirectly === "on" : loaderData.programme.certifiedPublishDirectly}
              errors={programmeErrors}
            />
            <p className="utrecht-paragraph form-hint">{t("organisers.settings.publishDirectlyHint")}</p>
            <div className="button-row">
              <SubmitButton>{t("handover.settings.save")}</SubmitButton>
            </div>
          </PostForm>
        </section>
      )}
    </>
  );
}
