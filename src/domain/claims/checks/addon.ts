/**
 * Add-on drugs (ADD §3, §4). Lines with a ZI number:
 * - `addon-tariff`: the claimed amount is above units × the reference tariff (`addon_tariff_cap` =
 *   reference-tariff); at stake is the excess, rounded once to cents with the add-on policy's
 *   `rounding_rule`. Compared exactly (units have up to 3 decimals).
 * - `addon-centre`: a drug bought only at specialised centres (CieBAG) claimed by a provider that is
 *   not a recognised specialised centre; at stake the whole line.
 * Drugs missing from the reference are not judged. Settled lines are not flagged. Both rules run
 * only when an add-on policy is given.
 */
import { MoneyDecimal, roundToCents, type RoundingMode } from '../../money/index.js';
import type { Finding } from '../types.js';
import { makeFinding, type FindingSubject } from './findings.js';
import type { CheckSettings } from './settings.js';

/** Units (`240`, `1.5`, up to 3 decimals) as an integer number of thousandths. */
export function unitsInThousandths(units: string): bigint {
  const [whole = '0', fraction = ''] = units.trim().split('.');
  return BigInt(whole) * 1000n + BigInt(fraction.padEnd(3, '0').slice(0, 3) || '0');
}

/** `thousandths / 1000` as a plain decimal string without trailing zeros (`240`, `1.5`). */
export function thousandthsToDecimal(value: bigint): string {
  const negative = value < 0n;
  const magnitude = negative ? -value : value;
  const whole = magnitude / 1000n;
  const fraction = (magnitude % 1000n).toString().padStart(3, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** Excess of the claimed amount over units × tariff, in thousandths of a cent (≤ 0: none). */
export function addOnExcessThousandths(amountCents: number, units: string, tariffCents: number): bigint {
  return BigInt(amountCents) * 1000n - unitsInThousandths(units) * BigInt(tariffCents);
}

export function addOnTariffFinding(
  settings: CheckSettings,
  subject: FindingSubject & { amountCents: number; ziNumber: string; units: string },
  tariffCents: number,
  excessThousandths: bigint,
  rounding: RoundingMode = settings.addOnRounding,
): Finding {
  const atStake = roundToCents(new MoneyDecimal(excessThousandths.toString()).dividedBy(1000), rounding);
  const allowed = thousandthsToDecimal(unitsInThousandths(subject.units) * BigInt(tariffCents));
  return makeFinding(settings, 'addon-tariff', subject, atStake, [],
    { zi_number: subject.ziNumber, units: subject.units, reference_tariff_cents: tariffCents, reference_amount_cents: allowed, claimed_cents: subject.amountCents },
    `Add-ongeneesmiddel ${subject.ziNumber}: gedeclareerd ${subject.amountCents} cent voor ${subject.units} eenheden, boven het referentietarief (${subject.units} × ${tariffCents} = ${allowed} cent); het deel erboven wordt niet vergoed.`);
}

export function addOnCentreFinding(settings: CheckSettings, subject: FindingSubject & { amountCents: number; ziNumber: string }): Finding {
  return makeFinding(settings, 'addon-centre', subject, Math.max(0, subject.amountCents), [],
    { zi_number: subject.ziNumber },
    `Add-ongeneesmiddel ${subject.ziNumber} wordt alleen bij gespecialiseerde centra ingekocht; aanbieder ${subject.agb} is daarvoor niet aangewezen.`);
}
