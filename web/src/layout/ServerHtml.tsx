/**
 * Markdown the API rendered and sanitised when it was written (links get rel="nofollow ugc
 * noopener"; scripts, handlers and script URLs never survive). The CSP forbids inline scripts
 * besides, so this is the one place the client puts the API's HTML into the page.
 */
export function ServerHtml({ html, className = '' }: { html: string; className?: string }) {
  return <div className={`app-body ${className}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
