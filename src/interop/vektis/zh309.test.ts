import { describe, expect, it } from 'vitest';
import { expectOk } from '../../domain/errors.js';
import { zh309ReturnCode } from './return-codes.js';
import { checkZh309, writeZh309, ZH309_LAYOUT, type Zh309Input } from './zh309.js';

const input: Zh309Input = {
  importId: 42,
  format: 'zh308',
  fileName: 'declaratie-2018.asc',
  answerDate: '2019-03-04',
  agb: '06010001',
  records: [
    { line: 3, recordId: 2, recordType: '04', claimId: 'Z-A1', agb: '06010001', status: 'accepted', issues: [], amountCents: 125_000 },
    {
      line: 5, recordId: 4, recordType: '04', claimId: 'Z-A2', agb: '06010001', status: 'rejected', amountCents: -2_500,
      issues: [
        { field: '0403 Burgerservicenummer (BSN) verzekerde (pos 15-23)', code: 'ZK-109', message: 'bsn voldoet niet aan de elfproef' },
        { field: '0411 Begindatum prestatie (pos 76-83)', code: 'ZK-205', message: 'Geen bestaande datum' },
        { field: '0412 Einddatum prestatie (pos 84-91)', code: 'ZK-205', message: 'Geen bestaande datum' },
        { field: '0457 Indicatie debet/credit (pos 555-555)', code: 'ZK-206', message: 'D of C' },
        { field: '0458 Referentienummer dit prestatierecord (pos 556-575)', code: 'ZK-203', message: 'leeg' },
      ],
    },
    { line: 8, recordId: 7, recordType: '04', claimId: 'Z-B1', agb: '06010001', status: 'accepted', issues: [], amountCents: 990 },
    { line: 2, recordId: 1, recordType: '02', claimId: null, agb: null, status: 'rejected', issues: [{ field: 'bsn', code: 'ZK-108', message: 'bsn ongeldig' }], amountCents: null },
  ],
};

const records = (text: string) => text.split('\r\n').slice(0, -1);
const field = (record: string, type: '01' | '04' | '99', number: string) => {
  const f = ZH309_LAYOUT[type].find((x) => x.number === number)!;
  return record.slice(f.start - 1, f.end);
};
const put = (record: string, type: '01' | '04' | '99', number: string, raw: string) => {
  const f = ZH309_LAYOUT[type].find((x) => x.number === number)!;
  expect(raw.length).toBe(f.length);
  return record.slice(0, f.start - 1) + raw + record.slice(f.end);
};

describe('ZH309 answer', () => {
  const text = expectOk(writeZh309(input));
  const lines = records(text);

  it('each layout covers 610 positions without gaps', () => {
    for (const fields of Object.values(ZH309_LAYOUT)) {
      let next = 1;
      for (const f of fields) {
        expect(f.start, f.number).toBe(next);
        next = f.end + 1;
      }
      expect(next - 1).toBe(610);
    }
  });

  it('has one retourrecord per record, in line order, with its status and return codes, and passes its own check', () => {
    expect(lines).toHaveLength(6);
    expect(lines.map((l) => l.slice(0, 2))).toEqual(['01', '04', '04', '04', '04', '99']);
    expect(field(lines[0]!, '01', '0102')).toBe('102');
    expect(field(lines[0]!, '01', '0112')).toBe('06010001');
    expect(field(lines[0]!, '01', '0181')).toBe('000000000042');
    const body = lines.slice(1, -1);
    expect(body.map((l) => Number(field(l, '04', '0403')))).toEqual([2, 3, 5, 8]);
    expect(body.map((l) => field(l, '04', '0407'))).toEqual(['A', 'T', 'A', 'T']);
    expect(field(body[1]!, '04', '0412')).toBe('8001');
    expect(field(body[1]!, '04', '0410')).toBe('00000125000');
    // Three distinct codes at most, each with the rubriek it concerns; ZK-nnn is written Znnn.
    expect([field(body[2]!, '04', '0412'), field(body[2]!, '04', '0413'), field(body[2]!, '04', '0414'), field(body[2]!, '04', '0415'), field(body[2]!, '04', '0416')]).toEqual(['Z109', '0403', 'Z205', '0411', 'Z206']);
    expect(field(body[2]!, '04', '0409')).toBe('C');
    expect(field(body[2]!, '04', '0410')).toBe('00000000000');
    expect(field(body[0]!, '04', '0417')).toBe('    ');
    expect(checkZh309(text)).toEqual({ ok: true, value: { records: 4, accepted: 2, rejected: 2, claimedCents: 123_490, grantedCents: 125_990 } });
  });

  it('writes product codes as Znnn and keeps Vektis codes', () => {
    expect(zh309ReturnCode('ZK-301')).toBe('Z301');
    expect(zh309ReturnCode('8001')).toBe('8001');
    expect(zh309ReturnCode('required')).toBe('Z999');
  });

  const broken: [string, string[], string][] = [
    ['a record of the wrong length', lines.map((l, i) => (i === 2 ? l.slice(0, 609) : l)), 'ZK-201'],
    ['an unknown record type', lines.map((l, i) => (i === 2 ? `07${l.slice(2)}` : l)), 'ZK-202'],
    ['a retourrecord after the sluitrecord', [...lines, lines[1]!], 'ZK-209'],
    ['a sluitrecord with another count', lines.map((l, i) => (i === 5 ? put(l, '99', '9903', '000003') : l)), 'ZK-211'],
    ['a sluitrecord with another total', lines.map((l, i) => (i === 5 ? put(l, '99', '9906', '0000000000001') : l)), 'ZK-212'],
    ['an accepted record with a rejection code', lines.map((l, i) => (i === 2 ? put(l, '04', '0412', 'Z109') : l)), 'ZK-208'],
    ['a status other than T or A', lines.map((l, i) => (i === 2 ? put(l, '04', '0407', 'X') : l)), 'ZK-208'],
    ['a date that does not exist', lines.map((l, i) => (i === 0 ? put(l, '01', '0117', '20190231') : l)), 'ZK-205'],
    ['text in the reserve', lines.map((l, i) => (i === 3 ? put(l, '04', '0480', 'X'.padEnd(324)) : l)), 'ZK-207'],
  ];
  it.each(broken)('checkZh309 finds %s', (_name, changed, code) => {
    const result = checkZh309(changed.map((l) => `${l}\r\n`).join(''));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.issues).toContainEqual(expect.objectContaining({ code }));
  });

  it('checkZh309 refuses records not ended by CR LF and a file without sluitrecord', () => {
    expect(checkZh309(lines.join('\n')).ok).toBe(false);
    expect(checkZh309(`${lines[0]}\r\n`).ok).toBe(false);
  });
});
