/**
 * The demo DBC catalogue as a table: name, specialism, diagnosis, care category, a base price in
 * euros (the centre of the generated prices) and a relative volume. Names are recognisable Dutch
 * treatments; diagnosis codes are illustrative, not the official DBC typeringslijst, and prices are
 * synthetic. Bijlage 4 items and selective ids follow MSZ §2, Bijlage 2, 3 and 4.
 */
import type { SpecialismCode } from './specialisms.js';
import type { SelectiveId } from './vocabulary.js';

export const CARE_CATEGORIES = ['algemeen', 'complex', 'topklinisch', 'topreferent'] as const;
export type CareCategory = (typeof CARE_CATEGORIES)[number];

export const CARE_KINDS = [
  'hemodialyse-centrum',
  'hemodialyse-thuis',
  'obstetrie',
  'elv-substitueerbaar',
  'oncologie',
  'transplantatie',
] as const;
export type CareKind = (typeof CARE_KINDS)[number];

export interface ProductExtra {
  kinds?: readonly CareKind[];
  /** MSZ Bijlage 4 item number (1..18). */
  b4?: number;
  sel?: SelectiveId;
  /** Standard price set from the cost price (MSZ §3: e.g. haemodialysis). */
  costBased?: boolean;
}

export type ProductRow = readonly [
  name: string,
  specialism: SpecialismCode,
  diagnosis: string,
  category: CareCategory,
  baseEur: number,
  volumeWeight: number,
  extra?: ProductExtra,
];

const onc: ProductExtra = { kinds: ['oncologie'] };

export const PRODUCT_ROWS: readonly ProductRow[] = [
  ['Staaroperatie (cataract), dagbehandeling', '0301', '511', 'algemeen', 1350, 60],
  ['Controle na staaroperatie, poliklinisch', '0301', '511', 'algemeen', 180, 30],
  ['Glaucoom, poliklinische behandeling', '0301', '461', 'algemeen', 420, 20],
  ['Glaucoomoperatie (trabeculectomie)', '0301', '461', 'complex', 2900, 3],
  ['Maculadegeneratie, injectiebehandeling', '0301', '621', 'algemeen', 950, 15],
  ['Netvliesloslating, vitrectomie', '0301', '641', 'complex', 4200, 3],

  ['Amandelen knippen (tonsillectomie)', '0302', '131', 'algemeen', 1500, 12],
  ['Adenoïdectomie bij otitis media', '0302', '141', 'algemeen', 1100, 2, { b4: 3 }],
  ['Trommelvliesbuisjes, dagbehandeling', '0302', '142', 'algemeen', 950, 10],
  ['Neusbijholteoperatie (FESS)', '0302', '221', 'algemeen', 3200, 4],
  ['Slaapapneu, poliklinische diagnostiek', '0302', '302', 'algemeen', 650, 12],
  ['Cochleair implantaat', '0302', '401', 'topklinisch', 42000, 0.3],

  ['Liesbreukoperatie, dagbehandeling', '0303', '1231', 'algemeen', 2300, 25],
  ['Galblaasverwijdering (laparoscopische cholecystectomie)', '0303', '1451', 'algemeen', 4200, 15],
  ['Blindedarmoperatie (appendectomie)', '0303', '1421', 'algemeen', 3900, 8],
  ['Borstsparende operatie bij borstkanker', '0303', '1611', 'complex', 7800, 6, { ...onc, sel: 'minimumnorm:mammacarcinoom' }],
  ['Schildwachtklierbiopsie bij DCIS en borstsparende operatie', '0303', '1612', 'complex', 3600, 2, { ...onc, b4: 2 }],
  ['Oesofagusresectie bij slokdarmkanker', '0303', '1311', 'topklinisch', 32000, 0.5, { ...onc, sel: 'minimumnorm:oesofaguscarcinoom' }],
  ['Pancreasresectie (Whipple-operatie)', '0303', '1361', 'topklinisch', 36000, 0.5, { ...onc, sel: 'minimumnorm:pancreascarcinoom' }],
  ['Rectumresectie bij endeldarmkanker', '0303', '1381', 'complex', 18500, 2, { ...onc, sel: 'minimumnorm:colorectaal' }],
  ['HIPEC bij coloncarcinoom', '0303', '1382', 'topreferent', 38000, 0.2, { ...onc, sel: 'vt-3' }],
  ['Maagverkleining (gastric bypass)', '0303', '1251', 'complex', 9800, 4, { sel: 'minimumnorm:bariatrie' }],
  ['Aneurysma aorta abdominalis, endovasculaire behandeling (EVAR)', '0303', '1711', 'complex', 24000, 1, { sel: 'minimumnorm:aaa' }],
  ['Carotisendarteriëctomie', '0303', '1721', 'complex', 11000, 1, { sel: 'minimumnorm:carotislijden' }],
  ['Dotterbehandeling bij etalagebenen (PAOD)', '0303', '1731', 'complex', 6800, 2, { b4: 9 }],
  ['Diep veneuze stent (iliacaal)', '0303', '1741', 'complex', 9500, 1, { b4: 7 }],
  ['Spataderen, endoveneuze laserbehandeling', '0303', '1751', 'algemeen', 1900, 10],
  ['Radiofrequente ablatie (RFA) van levermetastasen', '0303', '1391', 'complex', 8900, 1, { ...onc, b4: 12 }],
  ['Sacrale neuromodulatie bij functionele obstipatie', '0303', '1481', 'topklinisch', 21000, 0.3, { sel: 'vt-11' }],
  ['Wondbehandeling, poliklinisch', '0303', '1901', 'algemeen', 350, 20],

  ['Carpaletunnelsyndroom, operatie', '0304', '431', 'algemeen', 1150, 14],
  ['Ziekte van Dupuytren, fasciëctomie', '0304', '441', 'algemeen', 2700, 5],
  ['Borstreconstructie na borstkanker', '0304', '321', 'complex', 14500, 1, onc],
  ['Borstreconstructie met autologe vettransplantatie', '0304', '322', 'complex', 9800, 0.5, { ...onc, sel: 'vt-6' }],
  ['Huidtumor, excisie met plastiek', '0304', '211', 'algemeen', 850, 8, onc],

  ['Knieprothese', '0305', '2201', 'algemeen', 9800, 12],
  ['Artroscopie knie bij artrose', '0305', '2201', 'algemeen', 2100, 3, { b4: 4 }],
  ['Heupprothese', '0305', '2101', 'algemeen', 9600, 12],
  ['Meniscusoperatie (artroscopie)', '0305', '2211', 'algemeen', 2300, 10],
  ['Voorste kruisbandreconstructie', '0305', '2221', 'algemeen', 6200, 4],
  ['Hallux valgus-correctie', '0305', '2501', 'algemeen', 2800, 6],
  ['Schouderprothese', '0305', '2301', 'complex', 11500, 1],
  ['PRP-injectie (plaatjesrijk plasma)', '0305', '2601', 'algemeen', 450, 2, { b4: 14 }],
  ['Lage rugklachten, poliklinisch', '0305', '1401', 'algemeen', 380, 15],
  ['Artrodese (spondylodese) bij lage rugklachten', '0305', '1402', 'complex', 16500, 1, { b4: 6 }],
  ['Polsfractuur, behandeling', '0305', '3101', 'algemeen', 1450, 10],

  ['Radicale prostatectomie', '0306', '711', 'complex', 14500, 1.5, { ...onc, sel: 'minimumnorm:prostaatkanker' }],
  ['Cystectomie bij blaaskanker', '0306', '721', 'topklinisch', 22000, 0.4, { ...onc, sel: 'minimumnorm:blaaskanker' }],
  ['Prostaatvergroting, TURP', '0306', '131', 'algemeen', 3900, 6],
  ['Niersteenvergruizing (ESWL)', '0306', '221', 'algemeen', 1800, 6],
  ['Urineweginfectie, poliklinisch', '0306', '301', 'algemeen', 290, 12],

  ['Bevalling met opname (obstetrie)', '0307', '2101', 'algemeen', 2900, 18, { kinds: ['obstetrie'] }],
  ['Keizersnede (obstetrie)', '0307', '2101', 'algemeen', 5400, 5, { kinds: ['obstetrie'] }],
  ['Zwangerschapsbegeleiding tweedelijns (obstetrie)', '0307', '2001', 'algemeen', 820, 15, { kinds: ['obstetrie'] }],
  ['Hysterectomie bij overmatig bloedverlies', '0307', '601', 'algemeen', 6200, 2, { b4: 5 }],
  ['Baarmoederhalsafwijking, lisexcisie', '0307', '301', 'algemeen', 1100, 8],
  ['Eierstokkanker, debulkingoperatie', '0307', '801', 'complex', 16000, 0.5, onc],

  ['Hernia-operatie lumbaal (microdiscectomie)', '0308', '1101', 'algemeen', 5400, 5],
  ['PTED bij lumbale hernia', '0308', '1101', 'complex', 4800, 0.5, { sel: 'vt-7' }],
  ['Hersentumor, resectie', '0308', '201', 'topklinisch', 24000, 0.6, onc],
  ['Ruggenmergstimulator (implanteerbare neurostimulator)', '0308', '1301', 'complex', 23000, 0.5, { b4: 16 }],

  ['Basaalcelcarcinoom, excisie', '0310', '201', 'algemeen', 720, 18, onc],
  ['Mohs micrografische chirurgie', '0310', '201', 'complex', 2100, 3, { ...onc, sel: 'mohs' }],
  ['Melanoom, re-excisie', '0310', '211', 'algemeen', 1350, 3, onc],
  ['Eczeem, poliklinische behandeling', '0310', '101', 'algemeen', 310, 20],
  ['Psoriasis, lichttherapie', '0310', '111', 'algemeen', 1400, 6],
  ['Sclerocompressietherapie varices', '0310', '501', 'algemeen', 650, 2, { b4: 10 }],

  ['Hemodialyse in centrum', '0313', '324', 'complex', 27500, 3, { kinds: ['hemodialyse-centrum'], costBased: true }],
  ['Hemodialyse thuis', '0313', '324', 'complex', 21500, 0.4, { kinds: ['hemodialyse-thuis'], costBased: true }],
  ['Chronische nierschade, poliklinisch', '0313', '323', 'algemeen', 480, 6],
  ['Diabetes mellitus type 2, poliklinisch', '0313', '221', 'algemeen', 370, 25],
  ['Kwetsbare oudere, korte klinische opname', '0313', '801', 'algemeen', 3200, 8, { kinds: ['elv-substitueerbaar'] }],
  ['Chemotherapie bij darmkanker', '0313', '611', 'complex', 7400, 3, onc],
  ['Borstkanker, adjuvante systemische therapie', '0313', '612', 'complex', 6300, 3, onc],
  ['TACE bij levermetastasen', '0313', '641', 'complex', 7900, 0.5, { ...onc, b4: 11 }],
  ['Radio-embolisatie met Yttrium-90 bij levermetastasen', '0313', '642', 'topklinisch', 21000, 0.3, { ...onc, b4: 13 }],
  ['Niertransplantatie', '0313', '325', 'topreferent', 36000, 0.15, { kinds: ['transplantatie'], sel: 'wbmv-transplantatie' }],
  ['Allogene stamceltransplantatie bij leukemie', '0313', '711', 'topreferent', 98000, 0.1, { kinds: ['transplantatie', 'oncologie'], sel: 'wbmv-transplantatie' }],
  ['Autologe stamceltransplantatie bij ziekte van Crohn', '0313', '721', 'topreferent', 62000, 0.05, { sel: 'vt-2' }],
  ['TIL-therapie bij uitgezaaid melanoom', '0313', '631', 'topreferent', 95000, 0.05, { ...onc, sel: 'vt-5' }],
  ['Dendritische celvaccinatie bij melanoom', '0313', '632', 'topreferent', 45000, 0.05, { ...onc, sel: 'vt-10' }],

  ['Astma bij kinderen, poliklinisch', '0316', '301', 'algemeen', 390, 10],
  ['Bronchiolitis, opname zuigeling', '0316', '302', 'algemeen', 2600, 3],
  ['Neonatologie, couveuse-opname', '0316', '901', 'complex', 7800, 2],

  ['Coloscopie bevolkingsonderzoek darmkanker', '0318', '602', 'algemeen', 720, 10, { sel: 'rivm-darmkanker-coloscopie' }],
  ['Coloscopie bij darmklachten', '0318', '601', 'algemeen', 680, 15],
  ['Gastroscopie', '0318', '301', 'algemeen', 540, 12],
  ['Ziekte van Crohn, poliklinisch', '0318', '501', 'algemeen', 520, 6],
  ['Endoscopische step-up necrosectomie bij pancreasnecrose', '0318', '701', 'topreferent', 41000, 0.05, { sel: 'vt-1' }],
  ['Levertransplantatie', '0318', '811', 'topreferent', 115000, 0.05, { kinds: ['transplantatie'], sel: 'wbmv-transplantatie' }],

  ['Dotterbehandeling (PCI)', '0320', '202', 'complex', 7200, 5, { sel: 'wbmv-pci' }],
  ['Hartkatheterisatie (coronairangiografie)', '0320', '202', 'algemeen', 2300, 8],
  ['Pijn op de borst, poliklinische diagnostiek', '0320', '201', 'algemeen', 480, 20],
  ['Stabiele angina pectoris, jaarlijkse controle', '0320', '203', 'algemeen', 310, 10],
  ['Hartfalen, poliklinisch', '0320', '302', 'algemeen', 560, 10],
  ['Boezemfibrilleren, poliklinisch', '0320', '501', 'algemeen', 430, 12],
  ['Pacemakerimplantatie', '0320', '511', 'complex', 8200, 2],
  ['ICD-implantatie', '0320', '521', 'topklinisch', 26000, 0.8, { sel: 'wbmv-icd' }],
  ['Hartrevalidatie', '0320', '204', 'algemeen', 2400, 4],

  ['COPD, poliklinisch', '0322', '1401', 'algemeen', 390, 14],
  ['COPD-longaanval, opname', '0322', '1402', 'algemeen', 4100, 5, { kinds: ['elv-substitueerbaar'] }],
  ['Longkanker, immunotherapie', '0322', '1301', 'complex', 8600, 2, onc],
  ['Slaapapneu, CPAP-instelling', '0322', '1601', 'algemeen', 980, 8],

  ['Reumatoïde artritis, poliklinisch', '0324', '311', 'algemeen', 520, 12],
  ['Belimumab bij SLE', '0324', '411', 'topklinisch', 14500, 0.2, { sel: 'vt-4' }],

  ['Oncologische medisch-specialistische revalidatie', '0327', '511', 'complex', 6900, 1, { ...onc, b4: 17 }],
  ['Medisch-specialistische revalidatie bij chronische pijn', '0327', '411', 'complex', 7800, 1, { b4: 18 }],
  ['Revalidatie na beroerte, klinisch', '0327', '211', 'complex', 19500, 2],

  ['Bypassoperatie (CABG)', '0328', '411', 'topklinisch', 21000, 1.5],
  ['TAVI (transcatheter aortaklepimplantatie)', '0328', '421', 'topklinisch', 31000, 0.8, { sel: 'wbmv-tavi' }],
  ['Lobectomie bij longkanker', '0328', '511', 'complex', 15500, 0.8, { ...onc, sel: 'minimumnorm:longcarcinoom' }],
  ['Harttransplantatie', '0328', '431', 'topreferent', 160000, 0.02, { kinds: ['transplantatie'], sel: 'wbmv-transplantatie' }],

  ['Intra-arteriële trombectomie', '0330', '1101', 'topklinisch', 14500, 0.8, { sel: 'mr-clean-trombectomie' }],
  ['Herseninfarct, opname', '0330', '1101', 'algemeen', 6800, 5],
  ['Hoofdpijn en migraine, poliklinisch', '0330', '1501', 'algemeen', 340, 15],
  ['Occipitale zenuwstimulatie bij clusterhoofdpijn', '0330', '1511', 'topreferent', 31000, 0.05, { sel: 'vt-8' }],
  ['Multiple sclerose, poliklinisch', '0330', '801', 'algemeen', 610, 6],
  ['Fampridine bij multiple sclerose', '0330', '801', 'complex', 3900, 0.5, { sel: 'vt-9' }],
  ['Ziekte van Parkinson, poliklinisch', '0330', '901', 'algemeen', 450, 6],

  ['Radiotherapie bij borstkanker', '0362', '111', 'complex', 8900, 3, { ...onc, sel: 'wbmv-radiotherapie' }],
  ['Radiotherapie bij prostaatkanker', '0362', '121', 'complex', 10500, 2, { ...onc, sel: 'wbmv-radiotherapie' }],
  ['Radiotherapie hele hersenen bij metastasen', '0362', '131', 'complex', 4800, 1, { ...onc, b4: 8, sel: 'wbmv-radiotherapie' }],
  ['Radiotherapie bij hielspoor of Dupuytren', '0362', '911', 'algemeen', 1100, 1, { b4: 15, sel: 'wbmv-radiotherapie' }],
  ['Protonentherapie', '0362', '141', 'topreferent', 48000, 0.3, { ...onc, sel: 'protonentherapie' }],

  ['Facetdenervatie lage rug', '0389', '111', 'algemeen', 1350, 2, { b4: 1 }],
  ['Chronische pijn, poliklinische pijnbehandeling', '0389', '121', 'algemeen', 620, 8],
  ['Epidurale injectie bij hernia', '0389', '112', 'algemeen', 780, 5],
];

/** NZa-style diagnosis combinations: two diagnoses of one specialism that may not run in parallel. */
export const DIAGNOSIS_COMBINATION_ROWS: readonly (readonly [SpecialismCode, string, string, string])[] = [
  ['0302', '141', '142', 'Otitis media en trommelvliesbuisjes'],
  ['0303', '1611', '1612', 'Mammacarcinoom en DCIS'],
  ['0305', '2201', '2211', 'Artrose knie en meniscusletsel'],
  ['0305', '1401', '1402', 'Aspecifieke lage rugklachten en instabiliteit lumbaal'],
  ['0307', '2001', '2101', 'Zwangerschap en partus'],
  ['0310', '101', '111', 'Eczeem en psoriasis'],
  ['0313', '323', '324', 'Chronische nierschade en nierfalen met dialyse'],
  ['0318', '601', '602', 'Darmklachten en bevolkingsonderzoek darmkanker'],
  ['0322', '1401', '1402', 'COPD en COPD-longaanval'],
  ['0330', '1501', '1511', 'Hoofdpijn en clusterhoofdpijn'],
  ['0389', '111', '121', 'Lage rugpijn (facet) en chronische pijn'],
];
