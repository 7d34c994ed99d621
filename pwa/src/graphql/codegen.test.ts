/// <reference types="node" />
/**
 * The generated documents are committed, like the SDL: a fresh run of the
 * code generator over schema/schema.graphql and src/graphql/*.graphql must
 * give exactly the files in the tree. When it fails, run `npm run codegen`
 * (after `make schema` if the API changed) and commit the result.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../../codegen';

const pwa = fileURLToPath(new URL('../..', import.meta.url));
const here = fileURLToPath(new URL('.', import.meta.url));

describe('generated documents', () => {
  it('are what the generator makes from the committed schema, offline', async () => {
    // given the committed SDL and documents
    // when the generator runs without writing
    const files = (await generate({ ...config, cwd: pwa, silent: true }, false)) as { filename: string; content: string }[];
    // then every generated file is in the tree as generated, and no other
    const expected = new Map(files.map((file) => [relative(pwa, resolve(pwa, file.filename)), file.content]));
    const committed = readdirSync(here)
      .filter((name) => name.endsWith('.generated.ts'))
      .map((name) => relative(pwa, join(here, name)));
    expect([...expected.keys()].sort()).toEqual(committed.sort());
    for (const [path, content] of expected) {
      const onDisk = existsSync(join(pwa, path)) ? readFileSync(join(pwa, path), 'utf8') : null;
      expect(onDisk === content, `${path} differs from a fresh \`npm run codegen\``).toBe(true);
    }
  }, 30_000);
});
