import { parseFragment } from 'parse5';

/** Elements that run code, load documents or change how the page is read. */
const EXECUTABLE_TAGS = new Set([
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'svg',
  'math',
  'style',
  'link',
  'meta',
  'base',
  'form',
  'template',
  'portal',
]);
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'data',
  'poster',
  'background',
  'srcset',
]);
const DANGEROUS_SCHEME = /^(javascript|data|vbscript):/;

interface Node {
  nodeName: string;
  tagName?: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: Node[];
  content?: Node;
}

/**
 * What in an HTML fragment a browser would execute, found the way a browser parses it
 * (parse5 follows the WHATWG algorithm, so parser tricks are judged as a browser would).
 */
export function executableParts(html: string): string[] {
  const found: string[] = [];
  const visit = (node: Node) => {
    if (node.tagName) {
      if (EXECUTABLE_TAGS.has(node.tagName)) found.push(`<${node.tagName}>`);
      for (const { name, value } of node.attrs ?? []) {
        if (name.startsWith('on')) found.push(`${node.tagName} ${name}=`);
        if (name === 'style' || name === 'srcdoc') found.push(`${node.tagName} ${name}=`);
        // Browsers drop ASCII whitespace and control characters inside a scheme.
        // eslint-disable-next-line no-control-regex -- those characters are what this looks for
        const url = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
        if (URL_ATTRIBUTES.has(name) && DANGEROUS_SCHEME.test(url))
          found.push(`${node.tagName} ${name}="${value.slice(0, 40)}"`);
      }
    }
    for (const child of node.childNodes ?? []) visit(child);
    if (node.content) visit(node.content);
  };
  visit(parseFragment(html) as unknown as Node);
  return found;
}
