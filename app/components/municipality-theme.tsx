import type { CSSProperties } from "react";
import { useMatches } from "react-router";

/** Relative luminance per WCAG, to pick a readable text colour on the municipality's colour. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastText(hex: string): string {
  return luminance(hex) > 0.179 ? "#000000" : "#ffffff";
}

/** The WCAG contrast ratio of two colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** CSS variables that give a municipality's pages its own colour, with readable text on it. */
export function municipalityThemeStyle(colour: string): CSSProperties {
  const text = contrastText(colour);
  return {
    "--bk-accent": colour,
    "--bk-accent-contrast": text,
    "--utrecht-button-primary-action-background-color": colour,
    "--utrecht-button-primary-action-color": text,
    "--utrecht-button-primary-action-border-color": colour,
  } as CSSProperties;
}

/** What a page passes (as `municipalityTheme` in its loader data) to theme the site header. */
export interface MunicipalityTheme {
  name: string;
  slug: string;
  themeColour: string;
  logoPath: string | null;
}

/** The theme of the municipality whose page this is, from the deepest route that provides one. */
export function useMunicipalityTheme(): MunicipalityTheme | null {
  const matches = useMatches();
  for (let i = matches.length - 1; i >= 0; i--) {
    const data = matches[i]!.loaderData as { municipalityTheme?: MunicipalityTheme } | null | undefined;
    if (data && typeof data === "object" && data.municipalityTheme) return data.municipalityTheme;
  }
  return null;
}

export function MunicipalityBanner({ municipality }: { municipality: { name: string; logoPath: string | null; themeColour: string } }) {
  return (
    <div className="municipality-banner" style={{ borderLeftColor: municipality.themeColour }}>
      {municipality.logoPath && <img src={`/uploads/${municipality.logoPath}`} alt={municipality.name} />}
      <p className="utrecht-paragraph municipality-banner__name">
        <strong>{municipality.name}</strong>
      </p>
    </div>
  );
}
