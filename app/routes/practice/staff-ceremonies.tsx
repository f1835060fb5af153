import { Link } from "react-router";
import { readFinaleNotice } from "~/features/practice/finale-notices";
import { openCeremoniesPage } from "~/features/practice/ceremonies-access.server";
import { ceremoniesPath } from "~/features/practice/ceremonies-urls";
import { listCeremonies } from "~/features/practice/ceremonies-reads.server";
import { DataTable } from "~/components/data-table";
import { StaffPageHeader } from "~/components/staff-nav";
import { ButtonLink } from "~/components/ui";
import { useTranslation } from "~/lib/i18n/use-translation";
import { formatInZone } from "~/lib/time";
import type { Route } from "./+types/staff-ceremonies";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { municipality, locale, page } = await openCeremoniesPage(request, params.slug);
  const { upcoming, past } = await listCeremonies(municipality.id);
  const row = (c: (typeof upcoming)[number]) => ({
    id: c.id,
    title: c.title,
    when: formatInZone(c.startsAt, locale, { dateStyle: "long", timeStyle: "short" }),
    location: c.location,
    presentations: c.presentations,
    public: c.activityId !== null,
  });
  return { ...page, notice: readFinaleNotice(request), slug: municipality.slug, upcoming: upcoming.map(row), past: past.map(row) };
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }, { name: "robots", content: "noindex" }];

export default function StaffCeremonies({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { slug } = loaderData;
  const table = (rows: typeof loaderData.upcoming, caption: string) =>
    rows.length === 0 ? (
      <p className="utrecht-paragraph">{t("finale.ceremonies.none")}</p>
    ) : (
      <DataTable caption={caption} columns={[t("finale.ceremony.fieldTitle"), t("finale.ceremonies.when"), t("finale.ceremony.location"), t("finale.ceremonies.presentations"), t("finale.ceremonies.public")]}>
        {rows.map((c) => (
          <tr key={c.id}>
            <td>
              <Link className="utrecht-link" to={ceremoniesPath(slug, c.id)}>
                {c.title}
              </Link>
            </td>
            <td>{c.when}</td>
            <td>{c.location}</td>
            <td>{c.presentations}</td>
            <td>{t(c.public ? "finale.ceremonies.isPublic" : "finale.ceremonies.notPublic")}</td>
          </tr>
        ))}
      </DataTable>
    );
  return (
    <>
      <StaffPageHeader title={t("finale.ceremonies.title")} sections={loaderData.sections} notice={loaderData.notice} />
      <p className="utrecht-paragraph">{t("finale.ceremonies.intro")}</p>
      <p>
        <ButtonLink to={`${ceremoniesPath(slug)}/nieuw`} appearance="primary">
          {t("finale.ceremonies.new")}
        </ButtonLink>
      </p>
      <section className="page-section" aria-labelledby="komend">
        <h2 className="utrecht-heading-2" id="komend">
          {t("finale.ceremonies.upcoming")}
        </h2>
        {table(loaderData.upcoming, t("finale.ceremonies.upcoming"))}
      </section>
      <section className="page-section" aria-labelledby="geweest">
        <h2 className="utrecht-heading-2" id="geweest">
          {t("finale.ceremonies.past")}
        </h2>
        {table(loaderData.past, t("finale.ceremonies.past"))}
      </section>
    </>
  );
}
