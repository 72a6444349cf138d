import { describe, expect, it } from 'vitest';
import { isCareProductCode, parseCareProductCode } from './care-product-code.js';

describe('parseCareProductCode', () => {
  it('accepts 9 digits, keeping leading zeros', () => {
    expect(parseCareProductCode('020108001')).toEqual({ ok: true, value: '020108001' });
    expect(isCareProductCode('990089002')).toBe(true);
  });
  it.each(['20108001', '0201080011', '02010800X'])('rejects %j', (input) => {
    const result = parseCareProductCode(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.issues?.[0]?.field).toBe('zorgproductcode');
  });
});
