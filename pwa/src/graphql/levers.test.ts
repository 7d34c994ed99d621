import { describe, expect, it } from 'vitest';
import * as levers from './levers';

// every document is parsed and checked against the schema in operations.test.ts
describe('lever operations', () => {
  it('never ask a quiz for its answers', () => {
    expect(levers.QUIZ.query).not.toMatch(/correct|explanation/);
  });
});
