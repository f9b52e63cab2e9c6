/** The widget's default colour: the State's blue (8.6:1 on white). */
export const defaultColour = '#000091'

/** WCAG relative luminance of "#rrggbb" or "#rgb"; undefined for anything else. */
export function luminance(colour: string): number | undefined {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour.trim())
  if (!match) return undefined
  const hex =
    (match[1] as string).length === 3 ? [...(match[1] as string)].map((c) => c + c).join('') : (match[1] as string)
  // No destructuring here: old Safari (12–14) miscompiles it and esbuild cannot lower it.
  const linear = (i: number) => {
    const channel = Number.parseInt(hex.slice(i, i + 2), 16) / 255
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * linear(0) + 0.7152 * linear(2) + 0.0722 * linear(4)
}

/** Contrast ratio of white text on this colour (1 to 21). */
export function contrastWithWhite(colour: string): number | undefined {
  const l = luminance(colour)
  return l === undefined ? undefined : 1.05 / (l + 0.05)
}

/**
 * The colour a site asked for, if white text on it stays readable (RGAA 3.2: 4.5:1); otherwise the default,
 * with the reason, so that a site's brand colour never makes the buttons unreadable.
 */
export function readableColour(asked: string | null | undefined): { colour: string; warning?: string } {
  if (!asked) return { colour: defaultColour }
  const ratio = contrastWithWhite(asked)
  if (ratio === undefined)
    return {
      colour: defaultColour,
      warning: `data-color « ${asked} » : attendu une couleur #rrggbb ; couleur par défaut utilisée.`,
    }
  if (ratio < 4.5)
    return {
      colour: defaultColour,
      warning: `data-color « ${asked} » : contraste ${ratio.toFixed(1)}:1 avec le texte blanc, il faut 4,5:1 ; couleur par défaut utilisée.`,
    }
  return { colour: asked.trim() }
}
