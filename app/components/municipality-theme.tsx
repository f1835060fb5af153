import type { CSSProperties } from "react";

/** Relative luminance per WCAG, to pick a readable text colour on the municipality's colour. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastText(hex: string): string {
  return luminance(hex) > 0.179 ? "#000000" : "#ffffff";
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
