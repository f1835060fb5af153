import { Link, redirect } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { openCeremony } from "~/features/practice/ceremonies-access.server";
import { ceremoniesPath } from "~/features/practice/ceremonies-urls";
import { assignablePlacements } from "~/features/practice/ceremonies-reads.server";
import { isMinorToday } from "~/features/practice/minors";
import { logPersonalDataAccessForEach } from "~/features/privacy/audit.server";
import { db } from "~/lib/db/client.server";
import { assignPresentationInput, ceremonyInput, presentationInput, PRESENTATION_TITLE_MAX, publishCeremonyInput } from "~/features/practice/ceremonies-schema";
import { assignPresentation, markPresentation, publishCeremony, removePresentation, updateCeremony, type CeremonyWriteResult } from "~/features/practice/ceremonies-writes.server";
import { readFinaleNotice, withFinaleNotice, type FinaleNotice } from "~/features/practice/finale-notices";
import { CEREMONY_FIELD_LABEL_KEYS, CeremonyFields } from "~/components/ceremony-form";
import { DataTable } from "~/components/data-table";
import { ErrorSummary, PostForm, RowActionForm, SelectField, SubmitButton, TextField } from "~/components/form";
import { StaffPageHeader } from "~/components/staff-nav";
import { formToObject, invalid, parseInput, readForm } from "~/lib/forms.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import { formatInZone, utcToZonedLocal } from "~/lib/time";
import type { Route } from "./+types/staff-ceremony";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, municipality, locale, page, ceremony } = await openCeremony(request, params.slug, params.ceremonyId);
  const start = utcToZonedLocal(ceremony.startsAt);
  const end = utcToZonedLocal(ceremony.endsAt);
  const placements = await assignablePlacements(municipality.id);
  // The page names trainees with their placement: each minor shown is a view of their data.
  const minors = [...ceremony.presentations, ...placements].filter((p) => isMinorToday(p.traineeDateOfBirth)).map((p) => p.traineeUserId);
  await logPersonalDataAccessForEach(db(), { actor: user.actor, municipalityId: municipality.id, subjectUserIds: minors, resource: "placement" });
  return {
    ...page,
    notice: readFinaleNotice(request),
    title: `${ceremony.title} — ${page.title}`,
    slug: municipality.slug,
    ceremony: {
      id: ceremony.id,
      title: ceremony.title,
      when: formatInZone(ceremony.startsAt, locale),
      started: ceremony.startsAt <= new Date(),
      values: { title: ceremony.title, date: start.date, startTime: start.time, endTime: end.time, location: ceremony.location, programme: ceremony.programme },
      activity: ceremony.activityId ? { href: `/${municipality.slug}/activiteiten/${ceremony.activityId}`, status: ceremony.activityStatus, capacity: ceremony.activityCapacity, confirmed: ceremony.activityConfirmed ?? 0 } : null,
    },
    presentations: ceremony.presentations.map((p) => ({ id: p.id, title: p.title, position: p.position, traineeName: p.traineeName, partnerName: p.partnerName, given: p.givenAt !== null })),
    placements: placements.map((p) => ({ value: p.id, label: `${p.traineeName} (${p.partnerName}, ${p.cohortName})` })),
    nextPosition: ceremony.presentations.reduce((max, p) => Math.max(max, p.position), 0) + 1,
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }, { name: "robots", content: "noindex" }];

export async function action({ request, params }: Route.ActionArgs) {
  const { user, municipality, ceremony } = await openCeremony(request, params.slug, params.ceremonyId);
  const { locale, t } = await getTranslator(request);
  const values = formToObject(await readForm(request));
  const path = ceremoniesPath(municipality.slug, ceremony.id);
  const answer = (result: CeremonyWriteResult, notice: FinaleNotice, anchor: string, field = "_form") =>
    result.ok ? redirect(withFinaleNotice(path, notice, anchor)) : invalid({ [field]: t(`finale.ceremony.refused.${result.refusal}`) }, values);
  switch (values.intent) {
    case "edit": {
      const parsed = parseInput(ceremonyInput, values, locale, t);
      if (!parsed.ok) return invalid(parsed.errors, values);
      return answer(await updateCeremony(municipality.id, ceremony.id, parsed.data), "opgeslagen", "gegevens");
    }
    case "publish": {
      const parsed = parseInput(publishCeremonyInput, values, locale, t);
      if (!parsed.ok) return invalid(parsed.errors, values);
      return answer(await publishCeremony(municipality.id, ceremony.id, parsed.data.capacity, user.id), "gepubliceerd", "openbaar");
    }
    case "assign": {
      const parsed = parseInput(assignPresentationInput, values, locale, t);
      if (!parsed.ok) return invalid(parsed.errors, values);
      return answer(await assignPresentation(municipality.id, ceremony.id, { ...parsed.data, position: parsed.data.position! }), "toegewezen", "presentaties", "placementId");
    }
    case "remove":
    case "markGiven":
    case "unmarkGiven": {
      const parsed = parseInput(presentationInput, values, locale, t);
      if (!parsed.ok) return invalid({ _form: t("finale.ceremony.refused.presentationNotFound") }, values);
      if (values.intent === "remove") return answer(await removePresentation(municipality.id, ceremony.id, parsed.data.id), "verwijderd", "presentaties");
      const event = values.intent === "markGiven" ? "mark_given" : "unmark_given";
      return answer(await markPresentation(municipality.id, ceremony.id, parsed.data.id, event, user.id), event === "mark_given" ? "gegeven" : "niet-gegeven", "presentaties");
    }
    default:
      return invalid({ _form: t("validation.invalid") }, values);
  }
}

export default function StaffCeremony({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { ceremony, slug, presentations } = loaderData;
  const errors = actionData?.errors;
  const sent = (actionData?.values ?? {}) as Record<string, string>;
  const errorsFor = (intent: string) => (sent.intent === intent ? errors : undefined);
  const rowIntents = ["remove", "markGiven", "unmarkGiven"];
  return (
    <>
      <StaffPageHeader title={ceremony.title} sections={loaderData.sections} notice={loaderData.notice} />
      <p>
        <Link className="utrecht-link" to={ceremoniesPath(slug)}>
          {t("finale.ceremonies.back")}
        </Link>
      </p>
      {errors && (!sent.intent || rowIntents.includes(sent.intent)) && <ErrorSummary errors={errors} labels={{}} />}

      <section className="page-section" aria-labelledby="presentaties">
        <h2 className="utrecht-heading-2" id="presentaties" tabIndex={-1}>
          {t("finale.ceremony.presentations")}
        </h2>
        <p className="utrecht-paragraph">{t(ceremony.started ? "finale.ceremony.startedHint" : "finale.ceremony.notStartedHint", { when: ceremony.when })}</p>
        {presentations.length === 0 ? (
          <p className="utrecht-paragraph">{t("finale.ceremony.noPresentations")}</p>
        ) : (
          <DataTable caption={t("finale.ceremony.presentations")} columns={[t("finale.ceremony.position"), t("finale.ceremony.presentation")]}>
            {presentations.map((p) => (
              <tr key={p.id}>
                <td>{p.position}</td>
                <td>
                  <strong>{p.title}</strong>
                  <br />
                  {p.traineeName} ({p.partnerName})
                  <br />
                  {t(p.given ? "finale.presentation.given" : "finale.presentation.notYetGiven")}
                  <div className="button-row">
                    {ceremony.started && !p.given && <RowActionForm intent="markGiven" id={p.id} label={t("finale.ceremony.markGiven")} rowName={p.traineeName} />}
                    {ceremony.started && p.given && <RowActionForm intent="unmarkGiven" id={p.id} label={t("finale.ceremony.unmarkGiven")} rowName={p.traineeName} />}
                    {!p.given && <RowActionForm intent="remove" id={p.id} label={t("finale.ceremony.remove")} rowName={p.traineeName} />}
                  </div>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
        <h3 className="utrecht-heading-3">{t("finale.ceremony.assign")}</h3>
        {loaderData.placements.length === 0 ? (
          <p className="utrecht-paragraph">{t("finale.ceremony.noneToAssign")}</p>
        ) : (
          <PostForm>
            <ErrorSummary errors={errorsFor("assign")} labels={{ placementId: t("finale.ceremony.trainee"), title: t("finale.ceremony.presentationTitle"), position: t("finale.ceremony.position") }} />
            <input type="hidden" name="intent" value="assign" />
            <SelectField name="placementId" label={t("finale.ceremony.trainee")} description={t("finale.ceremony.traineeHint")} required options={loaderData.placements} includeEmpty={t("finale.ceremony.chooseTrainee")} defaultValue={errorsFor("assign") ? sent.placementId : ""} errors={errorsFor("assign")} />
            <TextField name="title" label={t("finale.ceremony.presentationTitle")} required maxLength={PRESENTATION_TITLE_MAX} defaultValue={errorsFor("assign") ? sent.title : ""} errors={errorsFor("assign")} />
            <TextField name="position" label={t("finale.ceremony.position")} description={t("finale.ceremony.positionHint")} inputMode="numeric" required defaultValue={errorsFor("assign") ? sent.position : String(loaderData.nextPosition)} errors={errorsFor("assign")} />
            <div className="button-row">
              <SubmitButton>{t("finale.ceremony.assignButton")}</SubmitButton>
            </div>
          </PostForm>
        )}
      </section>

      <section className="page-section" aria-labelledby="openbaar">
        <h2 className="utrecht-heading-2" id="openbaar" tabIndex={-1}>
          {t("finale.ceremony.public")}
        </h2>
        {ceremony.activity ? (
          <p className="utrecht-paragraph">
            {t("finale.ceremony.publishedAs", { confirmed: ceremony.activity.confirmed })}{" "}
            <Link className="utrecht-link" to={ceremony.activity.href}>
              {t("finale.ceremony.publicPage")}
            </Link>
          </p>
        ) : ceremony.started ? (
          <p className="utrecht-paragraph">{t("finale.ceremony.refused.alreadyStarted")}</p>
        ) : (
          <PostForm>
            <ErrorSummary errors={errorsFor("publish")} labels={{ capacity: t("finale.ceremony.capacity") }} />
            <p className="utrecht-paragraph">{t("finale.ceremony.publishIntro")}</p>
            <input type="hidden" name="intent" value="publish" />
            <TextField name="capacity" label={t("finale.ceremony.capacity")} description={t("finale.ceremony.capacityHint")} inputMode="numeric" defaultValue={errorsFor("publish") ? sent.capacity : ""} errors={errorsFor("publish")} />
            <div className="button-row">
              <SubmitButton>{t("finale.ceremony.publish")}</SubmitButton>
            </div>
          </PostForm>
        )}
      </section>

      <section className="page-section" aria-labelledby="gegevens">
        <h2 className="utrecht-heading-2" id="gegevens" tabIndex={-1}>
          {t("finale.ceremony.details")}
        </h2>
        <PostForm>
          <ErrorSummary errors={errorsFor("edit")} labels={Object.fromEntries(Object.entries(CEREMONY_FIELD_LABEL_KEYS).map(([field, key]) => [field, t(key)]))} />
          <input type="hidden" name="intent" value="edit" />
          <CeremonyFields values={errorsFor("edit") ? sent : ceremony.values} errors={errorsFor("edit")} />
          <div className="button-row">
            <SubmitButton>{t("finale.ceremony.save")}</SubmitButton>
          </div>
        </PostForm>
      </section>
    </>
  );
}
