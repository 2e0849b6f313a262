import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { reviewRoot } from '../src/review/reviewResult';

void describe('reviewRoot', () => {
  const repos = new Set(['/ws/crate', '/repo']);
  const isRepo = (dir: string): boolean => repos.has(dir);
  void it('takes the repository of the active file when the open folder contains it', () => {
    assert.equal(reviewRoot('/ws/crate/src/lib.rs', '/ws', isRepo), '/ws/crate');
  });
  void it('keeps the open folder when it is the repository or lies inside one', () => {
    assert.equal(reviewRoot('/repo/src/lib.rs', '/repo', isRepo), '/repo');
    assert.equal(reviewRoot('/repo/sub/src/lib.rs', '/repo/sub', isRepo), '/repo/sub');
  });
  void it('keeps the open folder without an active file, or for a file elsewhere', () => {
    assert.equal(reviewRoot(undefined, '/ws/', isRepo), '/ws');
    assert.equal(reviewRoot('/elsewhere/x.rs', '/ws', isRepo), '/ws');
  });
});
