/** How the access log names what happened and who did it, in the reader's language. */
import { capitalise, isMessageKey, type MessageKey, type Translate } from "~/lib/i18n";

/** "Ontwikkelplan: bekeken" for one log row. */
export function describeAccess(t: Translate, resource: string, action: string): string {
  const resourceKey = `privacy.resource.${resource}`;
  const actionKey = `privacy.action.${action}`;
  return t("privacy.log.entry", {
    resource: isMessageKey(resourceKey) ? t(resourceKey as MessageKey) : resource,
    action: isMessageKey(actionKey) ? t(actionKey as MessageKey) : action,
  });
}

/** A role as the log shows it: "Cursusleider", or "Jijzelf" for the person themselves. */
export function describeRole(t: Translate, role: string): string {
  const key = role === "self" ? "privacy.role.self" : `role.${role}`;
  return capitalise(isMessageKey(key) ? t(key as MessageKey) : role);
}

/** The heading of a registry table in the readable summary. */
export function describeTable(t: Translate, table: string): string {
  const key = `privacy.table.${table}`;
  return isMessageKey(key) ? t(key as MessageKey) : table;
}
