/**
 * The HTML part of a mail, made from its text part: every mail is written once, as text, and the
 * HTML says the same. The whole text is escaped, so nothing a person typed (a name, a title)
 * can become markup; only addresses on the platform's own site become links, so a URL typed into
 * a name stays plain text.
 */
import type { Locale } from "~/lib/i18n";

const URL_PATTERN = /(https?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]'])/g;

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

function isOwnAddress(url: string, siteUrl: string): boolean {
  return url === siteUrl || url.startsWith(`${siteUrl}/`) || url.startsWith(`${siteUrl}?`);
}

function paragraph(text: string, siteUrl: string): string {
  const html = text
    .split(URL_PATTERN)
    .map((part, index) => {
      if (index % 2 === 1 && isOwnAddress(part, siteUrl)) return `<a href="${escapeHtml(part)}">${escapeHtml(part)}</a>`;
      return escapeHtml(part);
    })
    .join("")
    .replace(/\r?\n/g, "<br>\n");
  return `<p>${html}</p>`;
}

/** A complete HTML document for a mail: paragraphs where the text has blank lines, in its language. */
export function renderMailHtml(mail: { subject: string; text: string; locale: Locale }, siteUrl: string): string {
  const paragraphs = mail.text
    .trim()
    .split(/(?:\r?\n){2,}/)
    .map((part) => paragraph(part, siteUrl))
    .join("\n");
  return [
    "<!doctype html>",
    `<html lang="${mail.locale}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(mail.subject)}</title></head>`,
    '<body style="font-family: sans-serif; font-size: 16px; line-height: 1.5; max-width: 40em">',
    paragraphs,
    "</body>",
    "</html>",
  ].join("\n");
}
