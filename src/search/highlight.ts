import { escapeHtml } from '../common/markdown.js';

/**
 * ts_headline marks matches with these private-use characters instead of HTML, because
 * its input is the author's raw text: the output is escaped first, and only then do the
 * markers become <mark> elements. The markers are stripped from the input beforehand.
 */
export const START = '\uE000';
export const STOP = '\uE001';

export const SNIPPET_OPTIONS = `StartSel=${START}, StopSel=${STOP}, MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=" … "`;
export const TITLE_OPTIONS = `StartSel=${START}, StopSel=${STOP}, HighlightAll=true`;

export function toMarkedHtml(headline: string): string {
  return escapeHtml(headline).replaceAll(START, '<mark>').replaceAll(STOP, '</mark>');
}
