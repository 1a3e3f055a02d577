import { Marked, type Token, type TokenizerAndRendererExtension, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';

import { wordExcerpt } from './word-excerpt.js';

const HANDLE = /^@([a-z0-9](?:[a-z0-9-]{0,28}[a-z0-9])?)(?![\w-])/i;

/** `@handle` becomes a link to that person's profile (and, elsewhere, a notification). */
const mention: TokenizerAndRendererExtension = {
  name: 'mention',
  level: 'inline',
  start(source) {
    const match = /(^|[^\w@/.-])@[a-z0-9]/i.exec(source);
    return match ? match.index + match[1]!.length : undefined;
  },
  tokenizer(source) {
    const match = HANDLE.exec(source);
    return match ? { type: 'mention', raw: match[0], handle: match[1]!.toLowerCase() } : undefined;
  },
  renderer(token) {
    const handle = (token as Tokens.Generic).handle as string;
    return `<a href="/people/${handle}" data-mention="${handle}">@${handle}</a>`;
  },
};

// An image inside a link ([![badge](img.svg)](https://…)) keeps the link and shows its description: an <a> in an <a> would lose the link's target.
function unlinkImages(token: Token): void {
  if (token.type !== 'link') return;
  token.tokens = token.tokens?.map((child) =>
    child.type === 'image' ? { type: 'text', raw: child.raw, text: child.text } : child,
  );
}

// Raw HTML in Markdown is shown as text, not interpreted: people write prose, not markup.
// Images are not embedded (another site's image reports who read the post, and when), but
// linked by their description, so the reader can choose to open one.
const marked = new Marked({
  extensions: [mention],
  gfm: true,
  breaks: false,
  async: false,
  renderer: {
    html({ text }) {
      return escapeHtml(text);
    },
    image({ href, text }) {
      return `<a href="${escapeHtml(href)}">${escapeHtml(text.trim() || 'image')}</a>`;
    },
  },
});

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'blockquote',
    'pre',
    'code',
    'em',
    'strong',
    'del',
    'ul',
    'ol',
    'li',
    'a',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'input',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'data-mention'],
    ol: ['start'],
    th: ['align'],
    td: ['align'],
    input: ['type', 'checked', 'disabled'],
    code: ['class'],
  },
  allowedClasses: { code: [/^language-[\w-]+$/] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow ugc noopener' }),
    input: (tagName, attribs) =>
      attribs.type === 'checkbox'
        ? {
            tagName,
            attribs: { type: 'checkbox', disabled: '', ...(attribs.checked !== undefined ? { checked: '' } : {}) },
          }
        : { tagName: 'span', attribs: {} },
  },
};

/** One lex of the Markdown: its sanitised HTML and the handles it @mentions (not those inside code). */
function render(markdown: string): { html: string; mentions: string[] } {
  const tokens = marked.lexer(markdown);
  const mentions = new Set<string>();
  marked.walkTokens(tokens, (token) => {
    unlinkImages(token);
    if (token.type === 'mention') mentions.add((token as Tokens.Generic).handle as string);
  });
  return { html: sanitizeHtml(marked.parser(tokens), SANITIZE).trim(), mentions: [...mentions] };
}

/** Markdown in, sanitised HTML out, for text that nobody is notified about (a collaborative's description). */
export function renderMarkdown(markdown: string): string {
  return render(markdown).html;
}

/** How much of a post's text a notification quotes. */
export const EXCERPT_LENGTH = 160;

/** A post's body with everything stored beside it, worked out once on write and never under a lock. */
export interface PreparedBody {
  /** The Markdown as written. */
  markdown: string;
  /** Sanitised HTML, as readers see it. */
  html: string;
  /** The first words as plain text, for notifications. */
  excerpt: string;
  /** Handles @mentioned, lower-cased, once each, in order of first mention. */
  mentions: string[];
}

/** Renders a post's Markdown once: its HTML, the excerpt notifications quote, and whom it mentions. */
export function prepareBody(markdown: string): PreparedBody {
  const { html, mentions } = render(markdown);
  return { markdown, html, excerpt: excerptOf(html), mentions };
}

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&amp;': '&' };

/**
 * The words of rendered HTML without its markup, on one line, cut to `EXCERPT_LENGTH`
 * characters at a word boundary (see `wordExcerpt`): "**PTL** review" reads "PTL review",
 * not its asterisks.
 */
function excerptOf(html: string): string {
  const spaced = html.replace(/<(?:br|hr)\b[^>]*>|<\/(?:p|li|h[1-6]|blockquote|pre|tr|td|th)>/g, ' ');
  const text = sanitizeHtml(spaced, { allowedTags: [], allowedAttributes: {} })
    .replace(/&(?:lt|gt|quot|amp);/g, (entity) => ENTITIES[entity]!)
    .replace(/\s+/g, ' ')
    .trim();
  return wordExcerpt(text, EXCERPT_LENGTH);
}
