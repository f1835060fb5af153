import { NavLink, useActionData } from "react-router";
import { useTranslation } from "~/lib/i18n/use-translation";
import { isMessageKey } from "~/lib/i18n";

export interface StaffNavItem {
  href: string;
  label: string;
}

/** The sections of a municipality's staff area that this person may use. */
export function StaffNav({ items, label }: { items: readonly StaffNavItem[]; label: string }) {
  const { t } = useTranslation();
  if (items.length <= 1) return null;
  return (
    <nav className="staff-nav" aria-label={label}>
      <ul>
        {items.map((item) => (
          <li key={item.href}>
            <NavLink className="utrecht-link" to={item.href} end>
              {isMessageKey(item.label) ? t(item.label) : item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * The top of a staff page: its title, the section links and the notice after a change. After a
 * post that came back with errors the earlier notice (still in the address) gives way, so the
 * error summary is the only message on the page.
 */
export function StaffPageHeader({ title, sections, notice }: { title: string; sections: readonly StaffNavItem[]; notice?: string | null }) {
  const { t } = useTranslation();
  const actionData: unknown = useActionData();
  const hasErrors = typeof actionData === "object" && actionData !== null && "errors" in actionData && Boolean(actionData.errors);
  const shownNotice = hasErrors ? null : notice;
  return (
    <>
      <StaffNav items={sections} label={t("staff.nav.label")} />
      <h1 className="utrecht-heading-1">{title}</h1>
      {shownNotice && (
        <div className="utrecht-alert utrecht-alert--ok" role="status">
          <div className="utrecht-alert__content">
            <p className="utrecht-paragraph">{isMessageKey(shownNotice) ? t(shownNotice) : shownNotice}</p>
          </div>
        </div>
      )}
    </>
  );
}
