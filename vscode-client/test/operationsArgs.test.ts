import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { parseOperationsArgs } from '../src/lens/operationsArgs';

describe('parseOperationsArgs', () => {
  const range = { start: { line: 3, character: 13 }, end: { line: 3, character: 15 } };
  it('reads the lens arguments the server sends', () => {
    assert.deepEqual(parseOperationsArgs(['file:///a.rs', { line: 3, character: 4 }, [{ uri: 'file:///a.rs', range }]]), {
      uri: 'file:///a.rs',
      position: { line: 3, character: 4 },
      locations: [{ uri: 'file:///a.rs', range }],
    });
  });
  it('drops malformed locations and rejects malformed arguments', () => {
    assert.equal(parseOperationsArgs([]), undefined);
    assert.equal(parseOperationsArgs(['file:///a.rs', { line: 'x' }, []]), undefined);
    assert.deepEqual(parseOperationsArgs(['file:///a.rs', { line: 0, character: 0 }, [{ uri: 1 }, null]])?.locations, []);
  });
});
