import { describe, expect, it } from 'vitest';
import { pageOrder } from '../../src/model/lesson.js';

describe('pageOrder', () => {
  it('walks intro, pre, segments, post, synthesis, results, leaving out empty special pages', () => {
    const segments = [{ id: 's01' }, { id: 's02' }] as never;
    expect(pageOrder({ segments, questions: [{ page: 'pre' }, { page: 'synthesis' }] as never })).toEqual([
      'intro', 'pre', 's01', 's02', 'synthesis', 'results',
    ]);
  });
});
