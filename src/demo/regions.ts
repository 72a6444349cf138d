/**
 * Purchasing regions of the demo data and which of them are a ZK *kernregio* (MSZ §2: ZK is market
 * leader there and buys the GP care). The set follows ZK's historic strongholds (the former Agis
 * and Groene Land/Achmea areas): Amsterdam with Zaanstreek and Gooi, Utrecht, Zwolle/IJsselland,
 * Apeldoorn/Noord-Veluwe, Haaglanden/Leiden and Rijnmond. It is a demo choice, documented here so
 * tests and screens can rely on it; the real set is policy data of the purchasing year.
 *
 * A provider's region comes from its city (REGION_BY_CITY) and otherwise from its province
 * (REGION_BY_PROVINCE). Friesland is purchased by De Friesland (MSZ §1).
 */

export interface PurchasingRegion {
  name: string;
  kernregio: boolean;
  /** Who purchases care there for ZK and De Friesland customers. */
  insurer: 'zk' | 'de-friesland';
}

export const DEMO_PURCHASING_REGIONS: readonly PurchasingRegion[] = [
  { name: 'Regio Amsterdam, Zaanstreek en Gooi', kernregio: true, insurer: 'zk' },
  { name: 'Regio Utrecht', kernregio: true, insurer: 'zk' },
  { name: 'Regio Zwolle en IJsselland', kernregio: true, insurer: 'zk' },
  { name: 'Regio Apeldoorn en Noord-Veluwe', kernregio: true, insurer: 'zk' },
  { name: 'Regio Haaglanden en Leiden', kernregio: true, insurer: 'zk' },
  { name: 'Regio Rijnmond en Drechtsteden', kernregio: true, insurer: 'zk' },
  { name: 'Regio Noord-Holland-Noord en Kennemerland', kernregio: false, insurer: 'zk' },
  { name: 'Regio Midden-Holland', kernregio: false, insurer: 'zk' },
  { name: 'Regio Twente', kernregio: false, insurer: 'zk' },
  { name: 'Regio Arnhem, Nijmegen en Achterhoek', kernregio: false, insurer: 'zk' },
  { name: 'Regio Gelderse Vallei en Rivierenland', kernregio: false, insurer: 'zk' },
  { name: 'Regio Flevoland', kernregio: false, insurer: 'zk' },
  { name: 'Regio Noord-Brabant', kernregio: false, insurer: 'zk' },
  { name: 'Regio Limburg', kernregio: false, insurer: 'zk' },
  { name: 'Regio Zeeland', kernregio: false, insurer: 'zk' },
  { name: 'Regio Groningen en Drenthe', kernregio: false, insurer: 'zk' },
  { name: 'Regio Friesland', kernregio: false, insurer: 'de-friesland' },
];

const REGION_BY_CITY: Readonly<Record<string, string>> = {
  Amsterdam: 'Regio Amsterdam, Zaanstreek en Gooi',
  Amstelveen: 'Regio Amsterdam, Zaanstreek en Gooi',
  Zaandam: 'Regio Amsterdam, Zaanstreek en Gooi',
  Purmerend: 'Regio Amsterdam, Zaanstreek en Gooi',
  Blaricum: 'Regio Amsterdam, Zaanstreek en Gooi',
  Hilversum: 'Regio Amsterdam, Zaanstreek en Gooi',
  Zwolle: 'Regio Zwolle en IJsselland',
  Kampen: 'Regio Zwolle en IJsselland',
  Deventer: 'Regio Zwolle en IJsselland',
  Meppel: 'Regio Zwolle en IJsselland',
  Apeldoorn: 'Regio Apeldoorn en Noord-Veluwe',
  Zutphen: 'Regio Apeldoorn en Noord-Veluwe',
  Harderwijk: 'Regio Apeldoorn en Noord-Veluwe',
  'Den Haag': 'Regio Haaglanden en Leiden',
  Delft: 'Regio Haaglanden en Leiden',
  Zoetermeer: 'Regio Haaglanden en Leiden',
  Leiden: 'Regio Haaglanden en Leiden',
  Leiderdorp: 'Regio Haaglanden en Leiden',
  Rotterdam: 'Regio Rijnmond en Drechtsteden',
  Schiedam: 'Regio Rijnmond en Drechtsteden',
  Dordrecht: 'Regio Rijnmond en Drechtsteden',
  Gouda: 'Regio Midden-Holland',
  Gorinchem: 'Regio Gelderse Vallei en Rivierenland',
  Ede: 'Regio Gelderse Vallei en Rivierenland',
  Enschede: 'Regio Twente',
  Almelo: 'Regio Twente',
  Hengelo: 'Regio Twente',
};

const REGION_BY_PROVINCE: Readonly<Record<string, string>> = {
  'Noord-Holland': 'Regio Noord-Holland-Noord en Kennemerland',
  'Zuid-Holland': 'Regio Haaglanden en Leiden',
  Utrecht: 'Regio Utrecht',
  Overijssel: 'Regio Zwolle en IJsselland',
  Gelderland: 'Regio Arnhem, Nijmegen en Achterhoek',
  Flevoland: 'Regio Flevoland',
  'Noord-Brabant': 'Regio Noord-Brabant',
  Limburg: 'Regio Limburg',
  Zeeland: 'Regio Zeeland',
  Groningen: 'Regio Groningen en Drenthe',
  Drenthe: 'Regio Groningen en Drenthe',
  Friesland: 'Regio Friesland',
};

/** The purchasing region of a place (city first, then province). Throws for an unknown province (a bug). */
export function regionOf(city: string, province: string): PurchasingRegion {
  const name = REGION_BY_CITY[city] ?? REGION_BY_PROVINCE[province];
  const region = DEMO_PURCHASING_REGIONS.find((r) => r.name === name);
  if (!region) throw new Error(`No demo purchasing region for ${city} (${province})`);
  return region;
}
