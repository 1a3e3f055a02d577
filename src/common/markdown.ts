import { Marked, type TokenizerAndRendererExtension, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';

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

// Raw HTML in Markdown is shown as text, not interpreted: people write prose, not markup.
// Images are not embedded (another site's image reports who read the post, and when), but
// linked by their description, so the reader can choose to open one.
const marked = new Marked({
  extensions: [mention],
  gfm: true,
  breaks: false,
  async: false,
  // An image inside a link ([![badge](img.svg)](https://…)) keeps the link and shows its description: an <a> in an <a> would lose the link's target.
  walkTokens(token) {
    if (token.type !== 'link') return;
    token.tokens = token.tokens?.map((child) =>
      child.type === 'image' ? { type: 'text', raw: child.raw, text: child.text } : child,
    );
  },
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

/** Markdown in, sanitised HTML out. Called once on write; the result is stored beside the source. */
export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown) as string;
  return sanitizeHtml(html, SANITIZE).trim();
}

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&amp;': '&' };

/**
 * The words of a Markdown text without its markup, on one line, for excerpts shown as plain
 * text (notifications): "**PTL** review" reads "PTL review", not its asterisks.
 */
export function plainText(markdown: string): string {
  const spaced = renderMarkdown(markdown).replace(
    /<(?:br|hr)\b[^>]*>|<\/(?:p|li|h[1-6]|blockquote|pre|tr|td|th)>/g,
    ' ',
  );
  const text = sanitizeHtml(spaced, { allowedTags: [], allowedAttributes: {} });
  return text
    .replace(/&(?:lt|gt|quot|amp);/g, (entity) => ENTITIES[entity]!)
    .replace(/\s+/g, ' ')
    .trim();
}

/** The handles @mentioned in a body, lower-cased, once each (not those inside code). */
export function mentionedHandles(markdown: string): string[] {
  const handles = new Set<string>();
  marked.walkTokens(marked.lexer(markdown), (token) => {
    if (token.type === 'mention') handles.add((token as Tokens.Generic).handle as string);
  });
  return [...handles];
}
