/**
 * One policy file, readably: its metadata, a contents list, and each top-level section. Sections
 * with a renderer of their own (policy-sections.tsx) get it; every other one is rendered generically.
 */
import { api, type Policy } from '../api';
import { ErrorMessage, Loading } from '../components/status';
import { ValueTree, humanise } from '../components/value-tree';
import { label } from '../format';
import { Link } from '../router';
import { useResource } from '../use-resource';
import { policyKindLabels } from './policies-page';
import { sectionRenderers } from './policy-sections';

/** Shown in the header, not as sections. */
const metaKeys = new Set(['id', 'version', 'kind', 'title', 'policy_year']);

export function PolicyDetailPage({ id }: { id: string }) {
  const policy = useResource((signal) => api.policy(id, signal), [id]);
  return (
    <article>
      <p className="back-link">
        <Link to="/policies">← Alle inkoopbeleid</Link>
      </p>
      {policy.status === 'ready' ? (
        <PolicyView policy={policy.data} />
      ) : (
        <>
          <h1>Inkoopbeleid {id}</h1>
          {policy.status === 'loading' ? <Loading what="Inkoopbeleid" /> : <ErrorMessage>{policy.message}</ErrorMessage>}
        </>
      )}
    </article>
  );
}

const anchor = (key: string) => `sectie-${key.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

/**
 * Sections in the order the policy documents tell their story; a key not listed here comes just
 * before the closing group (related policies, amendments, parameters, decisions), in file order.
 */
const readingOrder = [
  'document', 'changes', 'goals', 'spearheads', 'appropriate_use', 'partner_insurers', 'eligibility', 'agreement_selection',
  'agreement_types', 'agreement', 'multi_year_adjustments', 'multi_year_rules', 'resolutive_conditions', 'budget_policy',
  'expensive_drugs', 'selective_purchasing', 'specialised_centres', 'innovation', 'price', 'tariffs', 'volume', 'nacalculatie',
  'efficiency', 'settlement', 'contracting_process', 'calendar', 'claims_control', 'quality', 'minimum_norms',
  'conditional_admissions', 'non_evidence_based', 'prior_authorisation', 'transparency', 'administrative_burden',
];
const closingOrder = ['related_policies', 'amendments', 'parameters', 'decisions'];
const rank = (key: string) => {
  const main = readingOrder.indexOf(key);
  if (main >= 0) return main;
  const closing = closingOrder.indexOf(key);
  return closing >= 0 ? readingOrder.length + 1 + closing : readingOrder.length;
};

const isFlat = (v: unknown) => v === null || typeof v !== 'object' || (Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object'));

function PolicyView({ policy }: { policy: Policy }) {
  const entries = Object.entries(policy).filter(([key, value]) => !metaKeys.has(key) && value !== null && value !== undefined);
  // Loose top-level values (contracting year, a sentence) go together in one section up front.
  const general = Object.fromEntries(entries.filter(([, v]) => isFlat(v)));
  const sections: [string, unknown][] = [
    ...(Object.keys(general).length > 0 ? [['algemeen', general] as [string, unknown]] : []),
    ...entries.filter(([, v]) => !isFlat(v)).sort(([a], [b]) => rank(a) - rank(b)),
  ];
  const titleOf = (key: string) => (key === 'algemeen' ? 'Algemeen' : humanise(key));
  return (
    <>
      <h1>{policy.title}</h1>
      <p className="subtitle">
        {label(policyKindLabels, policy.kind)} · beleidsjaar {policy.policy_year} · versie {String(policy.version)} ·{' '}
        <span className="code">{policy.id}</span>
      </p>
      <nav className="toc" aria-labelledby="toc-title">
        <h2 id="toc-title">Inhoud</h2>
        <ol>
          {sections.map(([key]) => (
            <li key={key}>
              <a href={`#${anchor(key)}`}>{titleOf(key)}</a>
            </li>
          ))}
        </ol>
      </nav>
      {sections.map(([key, value]) => (
        // No accessible name on purpose: forty named regions would drown the landmarks; the h2 structures it.
        <section key={key} id={anchor(key)} className="policy-section">
          <h2>{titleOf(key)}</h2>
          <ValueTree value={value} path={key === 'algemeen' ? '' : key} level={2} renderers={sectionRenderers} />
        </section>
      ))}
    </>
  );
}
