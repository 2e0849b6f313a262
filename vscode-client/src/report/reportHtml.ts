/**
 * Prepares the scanner's HTML report for a VS Code webview. The report is self-contained (inline
 * CSS and inline SVG, no scripts); the webview gets a policy that allows exactly that, whatever
 * the file says about itself.
 */

/** Nothing may load or run; only the report's own inline styles and inline/data images. */
export const REPORT_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const CSP_META = `<meta http-equiv="Content-Security-Policy" content="${REPORT_CONTENT_SECURITY_POLICY}">`;

/**
 * The report with our policy as the first element of `<head>`. Any policy the file declares is
 * removed (a second policy could only narrow ours, but one policy is easier to reason about), and
 * so are `<script>` elements, which the policy would block anyway.
 */
export function withContentSecurityPolicy(html: string): string {
  const cleaned = html
    .replace(/<meta[^>]+http-equiv\s*=\s*["']?content-security-policy["']?[^>]*>/gi, '')
    .replace(/<script\b[\s\S]*?<\/script\s*>/gi, '');
  if (/<head(\s[^>]*)?>/i.test(cleaned)) {
    return cleaned.replace(/<head(\s[^>]*)?>/i, (head) => `${head}${CSP_META}`);
  }
  if (/<html(\s[^>]*)?>/i.test(cleaned)) {
    return cleaned.replace(/<html(\s[^>]*)?>/i, (open) => `${open}<head>${CSP_META}</head>`);
  }
  return `<!DOCTYPE html><html><head>${CSP_META}</head><body>${cleaned}</body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A page for the webview when the report could not be produced. */
export function reportErrorPage(title: string, detail: string): string {
  return withContentSecurityPolicy(
    `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
      '<style>body{font-family:var(--vscode-font-family);color:var(--vscode-foreground);padding:1em 2em}' +
      'pre{white-space:pre-wrap;background:var(--vscode-textCodeBlock-background);padding:.5em}</style></head>' +
      `<body><h1>${escapeHtml(title)}</h1><pre>${escapeHtml(detail)}</pre></body></html>`,
  );
}
