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

/** The command a report location link runs: (uri of the file, 1-based line, 1-based column). */
export const OPEN_LOCATION_COMMAND = 'unsafeHints.openLocation';

/**
 * The report's colours from the VS Code theme in a dark or high-contrast window (the webview's body
 * has the class `vscode-dark` or `vscode-high-contrast`); the report keeps its own light colours in a
 * light window. The report reads its colours from these CSS variables.
 */
export const THEME_STYLE =
  '<style>body.vscode-dark,body.vscode-high-contrast{--fg:var(--vscode-editor-foreground);' +
  '--muted:var(--vscode-descriptionForeground);--line:var(--vscode-panel-border,#3c3c3c);' +
  '--bg:var(--vscode-editor-background);--soft:var(--vscode-sideBar-background,#252526);' +
  '--note:var(--vscode-textLink-foreground,#4daafc);--ok:#66bb6a;--miss:#f0a04b;--error:#ef5350;--warning:#ffb74d}' +
  'body.vscode-dark td.zero,body.vscode-high-contrast td.zero{color:var(--vscode-disabledForeground,#6b6b6b)}' +
  'a.location{color:inherit;text-decoration:none}a.location:hover code{text-decoration:underline}</style>';

/**
 * Makes the report's locations (`<span class="where"><code>src/lib.rs:3:5</code></span>`) links that
 * open the file at that line in the editor, through {@link OPEN_LOCATION_COMMAND} (the webview allows
 * command links to that command only), and adds {@link THEME_STYLE}. `folderUri` is the scanned
 * folder, which the report's paths are relative to.
 */
export function forEditor(html: string, folderUri: string): string {
  const base = folderUri.endsWith('/') ? folderUri : `${folderUri}/`;
  const linked = html.replace(
    /<span class="where"><code>([^<]+?):(\d+):(\d+)<\/code><\/span>/g,
    (_match, file: string, line: string, column: string) => {
      const decoded = file.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
      const target = base + decoded.split('/').map(encodeURIComponent).join('/');
      const args = encodeURIComponent(JSON.stringify([target, Number(line), Number(column)]));
      return `<span class="where"><a class="location" href="command:${OPEN_LOCATION_COMMAND}?${args}" title="Open in the editor"><code>${file}:${line}:${column}</code></a></span>`;
    },
  );
  return /<\/head>/i.test(linked) ? linked.replace(/<\/head>/i, `${THEME_STYLE}</head>`) : `${THEME_STYLE}${linked}`;
}
