/**
 * The Dutch texts of the notifications (and e-mails) a transition sends to the users it concerns.
 * Who is told comes from the state machine (`TransitionRule.notify`); the wording lives here.
 */
import { dutchDate, type ContractDeadlines } from './deadlines.js';
import type { ContractEvent } from './contract-types.js';

export interface NoticeSubject {
  agb: string;
  providerName: string;
  year: number;
  deadlines: ContractDeadlines;
}

export interface Notice {
  /** `contract.<event>`, e.g. `contract.send-proposal`. */
  kind: string;
  title: string;
  body: string;
  /** Where the web app shows the contract. */
  link: string;
}

export function contractNotice(event: ContractEvent, subject: NoticeSubject): Notice {
  const { agb, providerName, year, deadlines } = subject;
  const who = `${providerName} (AGB ${agb})`;
  const date = (key: keyof ContractDeadlines['dates']) => {
    const d = deadlines.dates[key];
    return d ? dutchDate(d.date) : 'de termijn in de kalender';
  };
  const upTo = deadlines.inclusive ? 'tot en met' : 'tot';
  const text = ((): { title: string; body: string } => {
    switch (event.type) {
      case 'publish-concept':
        return { title: `Conceptovereenkomst ${year} gepubliceerd`, body: `U kunt ${upTo} ${date('conceptFeedback')} feedback geven op de conceptovereenkomst. Zonder tijdige reactie gaat Zilveren Kruis ervan uit dat u akkoord bent; wijzigingen zijn daarna niet meer mogelijk.` };
      case 'give-concept-feedback':
        return { title: `Feedback op de conceptovereenkomst van ${who}`, body: `${who} heeft feedback gegeven op de conceptovereenkomst ${year}.` };
      case 'concept-deadline':
        return { title: `Akkoord met de conceptovereenkomst ${year}`, body: `De termijn voor feedback is op ${date('conceptFeedback')} verstreken zonder reactie. U geldt als akkoord met de inhoud; wijzigingen zijn niet meer mogelijk.` };
      case 'send-proposal':
        return deadlines.path === 'digital'
          ? { title: `Voorstel financiële afspraak ${year} in het portaal`, body: `Het voorstel staat in het Zorgverlenersportaal. U kunt de overeenkomst digitaal ondertekenen ${upTo} ${date('signing')}.` }
          : { title: `Voorstel financiële afspraak ${year}`, body: `Zilveren Kruis heeft u een voorstel gedaan. Wij verwachten uw reactie ${upTo} ${date('response')}.` };
      case 'respond':
        return event.response === 'accepted'
          ? { title: `${who} accepteert het voorstel`, body: `${who} heeft het voorstel voor ${year} geaccepteerd.` }
          : { title: `Tegenvoorstel van ${who}`, body: `${who} heeft op het voorstel voor ${year} gereageerd met een tegenvoorstel. Redenen: ${event.reasons}` };
      case 'response-deadline':
        return { title: `Geen reactie op het voorstel ${year}: ${who}`, body: `Er is ${upTo} ${date('response')} geen reactie ontvangen op het voorstel. De reactie is als te laat genoteerd; het voorstel gaat in onderhandeling.` };
      case 'start-negotiation':
        return { title: `Onderhandeling ${year} gestart`, body: `Zilveren Kruis gaat met u in onderhandeling over het voorstel. Het onderhandelakkoord moet uiterlijk ${date('negotiation')} zijn vastgelegd.` };
      case 'record-onderhandelakkoord':
        return { title: `Onderhandelakkoord ${year} vastgelegd`, body: `Het onderhandelakkoord is vastgelegd. Een tekenbevoegde kan de overeenkomst ondertekenen ${upTo} ${date('signing')}.` };
      case 'negotiation-deadline':
        return { title: `Geen onderhandelakkoord ${year}: ${who}`, body: `Er is uiterlijk ${date('negotiation')} geen onderhandelakkoord vastgelegd. Voor ${year} komt er geen overeenkomst.` };
      case 'sign':
        return { title: `Overeenkomst ${year} ondertekend door ${who}`, body: `De overeenkomst ${year} is ondertekend door een tekenbevoegde van ${who}.` };
      case 'fix-price-list':
        return { title: `Prijslijst ${year} vastgesteld`, body: 'De prijslijst bij uw overeenkomst is vastgesteld.' };
      case 'publish':
        return { title: `Overeenkomst ${year} gepubliceerd`, body: `Zilveren Kruis heeft bekendgemaakt dat ${who} voor ${year} gecontracteerd is.` };
      case 'decline':
        return { title: `Geen overeenkomst ${year}`, body: `Zilveren Kruis sluit voor ${year} geen overeenkomst met ${who}. Reden: ${event.reason}` };
      case 'signing-deadline':
        return { title: `Overeenkomst ${year} niet getekend: ${who}`, body: `De overeenkomst is niet getekend ${upTo} ${date('signing')}. Voor ${year} komt er geen overeenkomst.` };
    }
  })();
  return { kind: `contract.${event.type}`, ...text, link: `/providers/${agb}?year=${year}#contract` };
}

/** The invitation when a purchaser starts the year for a provider. */
export function invitationNotice(subject: NoticeSubject): Notice {
  const { agb, year, deadlines } = subject;
  const concept = deadlines.dates.conceptPublication;
  const path = deadlines.path === 'digital' ? 'digitaal, via het Zorgverlenersportaal' : 'regulier';
  return {
    kind: 'contract.start',
    title: `Uitnodiging contractering ${year}`,
    body: `Zilveren Kruis nodigt u uit voor de contractering ${year} (${path}).${concept ? ` De conceptovereenkomst verschijnt op ${dutchDate(concept.date)}.` : ''}`,
    link: `/providers/${agb}?year=${year}#contract`,
  };
}
