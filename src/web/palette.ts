import { CATEGORIES, type Category, type Severity } from '../model.js';

// One colour per MQM-based category, grouped by dimension in related hues (accuracy reds, fluency blues,
// terminology purples, …). The strong colour is for borders, bars and swatches; highlights use a light tint of
// it under near-black text, which keeps a contrast ratio above 12:1 for the text itself.
const STRONG: Record<Category, string> = {
  'accuracy/mistranslation': '#c62828',
  'accuracy/omission': '#ad1457',
  'accuracy/addition': '#d84315',
  'accuracy/untranslated': '#880e4f',
  'fluency/grammar': '#1565c0',
  'fluency/spelling': '#00838f',
  'fluency/punctuation': '#4e6a85',
  'fluency/typography': '#3949ab',
  'fluency/inconsistency': '#0277bd',
  'fluency/register': '#00695c',
  'terminology/wrong-term': '#7b1fa2',
  'terminology/inconsistent': '#9c27b0',
  'style/awkward': '#2e7d32',
  'locale-convention/number': '#8d6e00',
  'locale-convention/date': '#9e5d00',
  'locale-convention/typography': '#6d4c41',
  'locale-convention/name': '#e65100',
  'design-markup/tag': '#455a64',
  other: '#616161',
};

/** Severity names with their MQM Core multipliers, for pickers. */
export const SEVERITY_LABEL: Record<Severity, string> = {
  neutral: 'neutral (0)',
  minor: 'minor (1)',
  major: 'major (5)',
  critical: 'critical (25)',
};

/** The CSS class of a category: `cat-accuracy--mistranslation`. */
export function categoryClass(category: string): string {
  return `cat-${category.replace('/', '--').replace(/[^a-z0-9-]/g, '-')}`;
}

export function strongColour(category: Category): string {
  return STRONG[category] ?? STRONG.other;
}

/** Mixes a colour with white: `amount` 0 keeps it, 1 gives white. */
export function tint(hex: string, amount: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const mix = (c: number) => Math.round(c + (255 - c) * amount);
  const [r, g, b] = [mix((n >> 16) & 255), mix((n >> 8) & 255), mix(n & 255)];
  return `#${((1 << 24) | (r << 16) | (g << 8) | b).toString(16).slice(1)}`;
}

/** The stylesheet for categories, generated from the taxonomy so that a new category always gets a colour. */
export function categoryCss(): string {
  const rules = CATEGORIES.map((c) => {
    const cls = categoryClass(c);
    const strong = strongColour(c);
    return [
      `.${cls}{--cat:${strong};--cat-bg:${tint(strong, 0.82)};}`,
      `.${cls}.f{background:var(--cat-bg);border-bottom-color:var(--cat);}`,
      `.swatch.${cls}{background:var(--cat-bg);border-color:var(--cat);}`,
      `svg .${cls}{fill:var(--cat);}`,
    ].join('\n');
  });
  return `/* generated from src/web/palette.ts */\n${rules.join('\n')}\n`;
}

