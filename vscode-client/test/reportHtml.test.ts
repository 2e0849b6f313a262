import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { REPORT_CONTENT_SECURITY_POLICY, THEME_STYLE, forEditor, reportErrorPage, withContentSecurityPolicy } from '../src/report/reportHtml';

const meta = `<meta http-equiv="Content-Security-Policy" content="${REPORT_CONTENT_SECURITY_POLICY}">`;

describe('withContentSecurityPolicy', () => {
  it("puts the policy first in <head>, allowing only inline styles and data images", () => {
    const html = withContentSecurityPolicy('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><style>b{}</style></head><body><svg></svg></body></html>');
    assert.equal(
      html,
      `<!DOCTYPE html><html lang="en"><head>${meta}<meta charset="utf-8"><style>b{}</style></head><body><svg></svg></body></html>`,
    );
    assert.equal(REPORT_CONTENT_SECURITY_POLICY, "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
  });
  it('replaces a policy the report brings and removes scripts', () => {
    const html = withContentSecurityPolicy(
      `<html><head><meta http-equiv="content-security-policy" content="default-src *"><script>alert(1)</script></head><body><script src="x.js"></script>ok</body></html>`,
    );
    assert.equal(html, `<html><head>${meta}</head><body>ok</body></html>`);
  });
  it('adds a head to documents without one', () => {
    assert.equal(withContentSecurityPolicy('<html><body>x</body></html>'), `<html><head>${meta}</head><body>x</body></html>`);
    assert.equal(withContentSecurityPolicy('just text'), `<!DOCTYPE html><html><head>${meta}</head><body>just text</body></html>`);
  });
  it('does not mistake <header> for <head>', () => {
    assert.equal(withContentSecurityPolicy('<html><header>h</header></html>'), `<html><head>${meta}</head><header>h</header></html>`);
  });
});

describe('reportErrorPage', () => {
  it('escapes the detail text', () => {
    const page = reportErrorPage('Failed', 'exit 2: <bad> & "worse"');
    assert.ok(page.includes('exit 2: &#60;bad&#62; &#38; &#34;worse&#34;'));
    assert.ok(page.includes(meta));
  });
});

describe('forEditor', () => {
  it('links each location to the file and line through the open-location command', () => {
    const html = forEditor('<html><head></head><body><span class="where"><code>src/a b.rs:12:5</code></span></body></html>', 'file:///ws/crate');
    const args = encodeURIComponent(JSON.stringify(['file:///ws/crate/src/a%20b.rs', 12, 5]));
    assert.ok(html.includes(`<a class="location" href="command:unsafeHints.openLocation?${args}" title="Open in the editor"><code>src/a b.rs:12:5</code></a>`), html);
  });
  it('follows the VS Code theme in dark windows', () => {
    const html = forEditor('<html><head><style>x{}</style></head><body></body></html>', 'file:///ws');
    assert.ok(html.includes(`${THEME_STYLE}</head>`), html);
    assert.ok(THEME_STYLE.includes('body.vscode-dark') && THEME_STYLE.includes('--bg:var(--vscode-editor-background)'));
  });
});
