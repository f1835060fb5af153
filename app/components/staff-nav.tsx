import { NavLink } from "react-router";
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

/** The top of a staff page: its title, the section links and the notice after a change. */
export function StaffPageHeader({ title, sections, notice }: { title: string; sections: readonly StaffNavItem[]; notice?: string | null }) {
  const { t } = useTranslation();
  return (
    <>
      <StaffNav items={sections} label={t("staff.nav.label")} />
      <h1 className="utrecht-heading-1">{title}</h1>
      {notice && (
        <div className="utrecht-alert utrecht-alert--ok" role="status">
          <div className="utrecht-alert__content">
            <p className="utrecht-paragraph">{isMessageKey(notice) ? t(notice) : notice}</p>
          </div>
        </div>
      )}
    </>
  );
}
