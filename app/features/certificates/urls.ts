/** The addresses of the Citytrainer certificate, in one place so pages, mails and the PDF agree. */
export const OWN_CERTIFICATE_PAGE = "/mijn-cursus";
export const OWN_CERTIFICATE_PDF = "/mijn-praktijk/certificaat.pdf";
export const OWN_CERTIFICATE_JSON = "/mijn-praktijk/certificaat.json";

export function verificationPath(code: string): string {
  return `/certificaat/${code}`;
}

export function citytrainersPage(slug: string): string {
  return `/beheer/${slug}/citytrainers`;
}
