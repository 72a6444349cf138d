/** The demo log-ins the demo seed creates (printed by `serve`, listed in the README). */
export interface DemoLogin {
  label: string;
  email: string;
  password: string;
  role: 'purchaser' | 'controller' | 'medical-adviser' | 'provider';
  signatory?: boolean;
}

export const DEMO_LOGINS: DemoLogin[] = [
  { label: 'Zorginkoper', email: 'inkoper@zorginkoop.nl', password: 'Inkoop-Demo-2018', role: 'purchaser' },
  { label: 'Controller', email: 'controller@zorginkoop.nl', password: 'Controle-Demo-2018', role: 'controller' },
  { label: 'Medisch adviseur', email: 'adviseur@zorginkoop.nl', password: 'Advies-Demo-2018', role: 'medical-adviser' },
  { label: 'Zorgaanbieder (tekenbevoegd)', email: 'aanbieder@zorginkoop.nl', password: 'Aanbod-Demo-2018', role: 'provider', signatory: true },
];
