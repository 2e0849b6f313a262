import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { reviewMarkdown } from '../src/review/reviewResult';

void describe('reviewMarkdown', () => {
  void it('gives the Markdown of the review answer', () => {
    assert.equal(reviewMarkdown({ report: {}, markdown: '# Unsafe review\n\n2 sites' }), '# Unsafe review\n\n2 sites');
  });

  void it('explains an empty or malformed answer instead of failing', () => {
    assert.match(reviewMarkdown(undefined), /returned no review/);
    assert.match(reviewMarkdown({ markdown: '  ' }), /returned no review/);
    assert.match(reviewMarkdown('text'), /returned no review/);
  });
});
