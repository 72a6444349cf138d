import { describe, expect, it } from 'vitest';
import { extractPdfText, pdfPageCount } from './pdf-inspect.js';
import { objectionDeadlineText, rejectionLetterPdf, rejectionReference, type RejectionLetterModel } from './rejection-letter.js';

const model: RejectionLetterModel = {
  date: '2017-09-14',
  applicant: { name: 'Kliniek Oost B.V.', agb: '22990001', city: 'Zwolle' },
  application_id: '3f1c2a9e-5b7d-4c1e-9a2f-0b8d6e4c7a11',
  year: 2018,
  submitted_on: '2017-06-20',
  reasons: 'Het aanbod van staaroperaties in de regio Zwolle is voor 2018 toereikend ingekocht; uw aanvraag voegt daar onvoldoende aan toe.',
  unmet_requirements: ['een toelating WTZi'],
  objection_deadline: '2017-10-07',
  objection_deadline_inclusive: true,
  objection_source: 'MSZ §7; MSZ §5',
  contact_email: 'ibm-msz@zilverenkruis.nl',
  policy_title: 'Inkoopbeleid medisch-specialistische zorg 2018',
};

describe('rejectionLetterPdf', () => {
  it('is a Dutch PDF letter with the reasons, the unmet requirements and the objection deadline', async () => {
    const pdf = await rejectionLetterPdf(model, { compress: false });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPageCount(pdf)).toBeGreaterThanOrEqual(1);
    const text = extractPdfText(pdf).replace(/\s+/g, ' ');
    for (const part of [
      'Uw aanvraag voor een overeenkomst 2018',
      'Kliniek Oost B.V.',
      'AGB-code 22990001',
      '14 september 2017',
      '20 juni 2017',
      'geen overeenkomst met u aan',
      'staaroperaties in de regio Zwolle',
      'een toelating WTZi',
      'tot en met 7 oktober 2017',
      'MSZ §7; MSZ §5',
      model.application_id,
      'ibm-msz@zilverenkruis.nl',
      rejectionReference(model),
      'Met vriendelijke groet',
    ]) expect(text).toContain(part);
  });

  it('names the deadline as exclusive when the policy says the day does not count', () => {
    expect(objectionDeadlineText({ objection_deadline: '2017-10-07', objection_deadline_inclusive: false })).toBe('vóór 7 oktober 2017');
  });

  it('leaves out the requirements list when all were shown', async () => {
    const text = extractPdfText(await rejectionLetterPdf({ ...model, unmet_requirements: [] }, { compress: false }));
    expect(text).not.toContain('Uit uw aanvraag blijkt dat niet');
  });

  it('gives identical bytes for an identical model (no clock)', async () => {
    const a = await rejectionLetterPdf(model);
    const b = await rejectionLetterPdf(model);
    expect(a.equals(b)).toBe(true);
  });
});
