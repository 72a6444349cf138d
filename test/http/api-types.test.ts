/**
 * The web app's API types (`web/src/api-schema.d.ts`) are generated from the OpenAPI document the
 * server builds out of its zod route schemas. This test generates them again and fails when the
 * committed file differs, so a route schema change cannot leave the web app's types behind.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { API_SCHEMA_FILE, expandEnumRecords, generateApiTypes } from '../../scripts/generate-api-types.js';

describe('generated web API types', () => {
  it('web/src/api-schema.d.ts matches the OpenAPI document of the route schemas', async () => {
    const generated = await generateApiTypes();
    const committed = await readFile(API_SCHEMA_FILE, 'utf8');
    expect(generated.startsWith('/**\n * generated — do not edit; npm run api:types')).toBe(true);
    if (committed !== generated) {
      const committedLines = committed.split('\n');
      const line = generated.split('\n').findIndex((text, i) => text !== committedLines[i]);
      expect.fail(`web/src/api-schema.d.ts is stale: run npm run api:types (first difference at line ${line + 1})`);
    }
  }, 60_000);

  it('spells out an exhaustive enum-keyed record, and leaves an open record alone', () => {
    const value = { type: 'integer' };
    const exhaustive = { type: 'object', propertyNames: { type: 'string', enum: ['a', 'b'] }, additionalProperties: value, required: ['a', 'b'] };
    expect(expandEnumRecords({ x: [exhaustive] })).toEqual({
      x: [{ type: 'object', properties: { a: value, b: value }, required: ['a', 'b'], additionalProperties: false }],
    });
    const open = { type: 'object', propertyNames: { type: 'string' }, additionalProperties: value };
    expect(expandEnumRecords(open)).toEqual(open);
  });
});
