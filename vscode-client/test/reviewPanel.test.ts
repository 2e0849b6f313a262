import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { reviewContentSecurityPolicy, reviewPage } from '../src/review/reviewHtml';
import { fileUnderRoot, reviewView } from '../src/review/reviewModel';

/** A review answer as the server sends it (review JSON schema), cut to what the panel reads. */
const answer = {
  markdown: '## Unsafe Hints review',
  report: {
    root: '/repo',
    base: { description: 'main', commit: 'abc1234' },
    sites: [
      {
        id: 'src/lib.rs:added:unsafe-block#1', hash: '0123456789abcdef', file: 'src/lib.rs', kind: 'unsafe-block',
        change: 'added', status: 'unreviewed', item: 'fn added', region: { startLine: 12, startColumn: 5 },
        excerpt: 'unsafe { *p }', approval: null,
        checklist: [
          { level: 0, mark: 'gap', text: 'No `// SAFETY:` comment' },
          { level: 1, mark: 'argue', text: '`p` is non-null <b>', line: 12, column: 14, quote: ['quoted "text"'] },
        ],
      },
      { hash: 'not hex', file: 'src/x.rs' },
      {
        id: 'src/a b.rs:f:unsafe-fn#1', hash: 'fedcba9876543210', file: 'src/a b.rs', kind: 'unsafe-fn', change: 'changed',
        status: 'reviewed', item: 'fn f', region: { startLine: 1, startColumn: 1 }, excerpt: 'pub unsafe fn f() {}',
        approval: { by: 'Ann', date: '2026-12-07', note: 'no callers outside' }, checklist: [],
      },
    ],
    removed: [{}],
    notes: ['a note'],
  },
};

void describe('reviewView', () => {
  void it('reads the sites, their places, checklists and approvals; skips malformed ones', () => {
    const view = reviewView(answer);
    assert.ok(view);
    assert.equal(view.root, '/repo');
    assert.deepEqual(view.sites.map((s) => s.hash), ['0123456789abcdef', 'fedcba9876543210']);
    const [first, second] = view.sites;
    assert.ok(first !== undefined && second !== undefined);
    assert.equal(first.line, 12);
    const operation = first.checklist.find((e) => e.mark === 'argue');
    assert.ok(operation !== undefined);
    assert.equal(operation.line, 12);
    assert.deepEqual(operation.quote, ['quoted "text"']);
    assert.equal(second.approval?.by, 'Ann');
    assert.equal(view.removed, 1);
  });
  void it('gives nothing for an answer without a report', () => {
    assert.equal(reviewView(undefined), undefined);
    assert.equal(reviewView({ markdown: 'x' }), undefined);
  });
});

void describe('fileUnderRoot', () => {
  void it('joins relative paths and refuses any that leave the root', () => {
    assert.equal(fileUnderRoot('/repo/', 'src/lib.rs'), '/repo/src/lib.rs');
    for (const bad of ['../etc/passwd', '/etc/passwd', 'src/../../x', 'a//b', 'a\\b', '', 3, undefined]) {
      assert.equal(fileUnderRoot('/repo', bad), undefined, String(bad));
    }
  });
});

void describe('reviewPage', () => {
  const view = reviewView(answer);
  assert.ok(view);
  const html = reviewPage(view, { nonce: 'N0nce', title: 'Unsafe review of repo' });

  void it('allows only its own nonce-carrying style and script, nothing remote', () => {
    assert.ok(html.includes(`content="${reviewContentSecurityPolicy('N0nce')}"`));
    assert.equal(reviewContentSecurityPolicy('N0nce'), "default-src 'none'; style-src 'nonce-N0nce'; script-src 'nonce-N0nce'");
    assert.equal((html.match(/<script\b/g) ?? []).length, 1);
    assert.ok(html.includes('<script nonce="N0nce">'));
    assert.ok(!/\bsrc=|https?:\/\//.test(html), 'nothing is loaded');
    assert.ok(!html.includes(' style="'), 'no inline style attributes (the policy blocks them)');
  });
  void it('links each location to its file, line and column', () => {
    assert.ok(html.includes('data-file="src/lib.rs" data-line="12" data-column="5"'));
    assert.ok(html.includes('>src/lib.rs:12:5</a>'));
    assert.ok(html.includes('data-file="src/a b.rs"'));
  });
  void it('makes each checklist item a checkbox with its label, escaping text', () => {
    assert.equal((html.match(/<input type="checkbox"/g) ?? []).length, 2);
    assert.ok(html.includes('<code>p</code> is non-null &#60;b&#62;'));
    assert.ok(html.includes('quoted &#34;text&#34;'));
  });
  void it('offers Approve for a site to review, and shows who approved the others', () => {
    assert.ok(html.includes('data-hash="0123456789abcdef" data-file="src/lib.rs">Approve this site</button>'));
    assert.ok(html.includes('disabled>Approved</button>'));
    assert.ok(html.includes('approved by Ann on 2026-12-07'));
    assert.ok(html.includes('2 unsafe sites</strong> in 2 files, changed since main (<code>abc1234</code>): <span id="to-review">1</span> to review.'));
  });
});
