import type { ReactNode } from 'react';

/**
 * A preview of Markdown built from React elements, never from HTML, so nothing typed can run.
 * It covers what people write in a forum post (paragraphs, headings, lists, quotes, code,
 * bold, italics, links shown as text); the API renders the full Markdown when it is posted.
 */
export function previewMarkdown(source: string): ReactNode[] {
  const blocks = source.replace(/\r\n/g, '\n').split(/\n{2,}/);
  return blocks.filter((block) => block.trim() !== '').map((block, index) => previewBlock(block, index));
}

function previewBlock(block: string, key: number): ReactNode {
  const lines = block.split('\n');
  const heading = /^(#{1,6})\s+(.*)$/.exec(lines[0]!);
  if (heading && lines.length === 1)
    return (
      <p key={key}>
        <strong>{inline(heading[2]!)}</strong>
      </p>
    );
  if (block.startsWith('```'))
    return (
      <pre key={key}>
        <code>{lines.slice(1, lines.at(-1)?.startsWith('```') ? -1 : undefined).join('\n')}</code>
      </pre>
    );
  if (lines.every((line) => /^\s*>/.test(line)))
    return (
      <blockquote key={key}>{previewMarkdown(lines.map((line) => line.replace(/^\s*>\s?/, '')).join('\n'))}</blockquote>
    );
  if (lines.every((line) => /^\s*[-*+]\s+/.test(line)))
    return (
      <ul key={key}>
        {lines.map((line, i) => (
          <li key={i}>{inline(line.replace(/^\s*[-*+]\s+/, ''))}</li>
        ))}
      </ul>
    );
  if (lines.every((line) => /^\s*\d+[.)]\s+/.test(line)))
    return (
      <ol key={key}>
        {lines.map((line, i) => (
          <li key={i}>{inline(line.replace(/^\s*\d+[.)]\s+/, ''))}</li>
        ))}
      </ol>
    );
  return (
    <p key={key}>{lines.flatMap((line, i) => (i === 0 ? [inline(line)] : [<br key={`br${i}`} />, inline(line)]))}</p>
  );
}

const INLINE = /(`[^`]+`|\*\*[^*]+\*\*|__[^_]+__|\*[^*]+\*|_[^_]+_|\[[^\]]+\]\([^)]+\))/;

function inline(text: string): ReactNode {
  const parts = text.split(INLINE);
  return parts.map((part, i) => {
    if (i % 2 === 0) return part;
    if (part.startsWith('`')) return <code key={i}>{part.slice(1, -1)}</code>;
    if (part.startsWith('**') || part.startsWith('__')) return <strong key={i}>{part.slice(2, -2)}</strong>;
    if (part.startsWith('[')) {
      const [, label, href] = /^\[([^\]]+)\]\(([^)]+)\)$/.exec(part)!;
      return (
        <span key={i}>
          {label} ({href})
        </span>
      );
    }
    return <em key={i}>{part.slice(1, -1)}</em>;
  });
}
