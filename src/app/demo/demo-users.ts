/**
 * The demo log-ins the demo seed creates (printed by `npm start` and `serve`, listed in the README).
 *
 * The controller and the medical adviser see claim and patient data, so they log in with a second
 * factor (TOTP). Their secrets here are fixed and public, so that anyone trying the demo can add
 * them to an authenticator app (or compute a code with `oathtool --totp -b <secret>`), and so the
 * tests can log in. A real system never publishes, prints or hard-codes a user's secret: there
 * `zorginkoop users add` generates one per user, or the user enrols in the app with a QR code.
 */
export interface DemoLogin {
  label: string;
  email: string;
  password: string;
  role: 'purchaser' | 'controller' | 'medical-adviser' | 'provider';
  signatory?: boolean;
  /** Demo only: the fixed base32 TOTP secret of a role with a second factor. */
  totpSecret?: string;
}

export const DEMO_LOGINS: DemoLogin[] = [
  { label: 'Zorginkoper', email: 'inkoper@zorginkoop.nl', password: 'Inkoop-Demo-2018', role: 'purchaser' },
  { label: 'Controller', email: 'controller@zorginkoop.nl', password: 'Controle-Demo-2018', role: 'controller', totpSecret: 'ZORGINKOOPCONTROLLERDEMOTWEEDEFA' },
  { label: 'Medisch adviseur', email: 'adviseur@zorginkoop.nl', password: 'Advies-Demo-2018', role: 'medical-adviser', totpSecret: 'ZORGINKOOPADVISEURDEMOTWEEDEFACT' },
  { label: 'Zorgaanbieder (tekenbevoegd)', email: 'aanbieder@zorginkoop.nl', password: 'Aanbod-Demo-2018', role: 'provider', signatory: true },
];
