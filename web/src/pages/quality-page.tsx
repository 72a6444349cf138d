/**
 * Kwaliteit (MSZ §2, Bijlage 1, 2): one provider's quality questionnaire, the improvement agreements
 * its answers produced, and its minimum-norm and selective-purchasing status, in tabs. The
 * provider's own users answer the questionnaire; purchasers read it, mark an improvement agreement
 * met and apply the selection to the provider record the claim checks use.
 */
import { api } from '../api';
import { qualityApi } from '../api-quality';
import { Loaded } from '../components/status';
import { Tabs } from '../components/tabs';
import { Link } from '../router';
import { useSession } from '../session';
import { useReloadableResource, useResource } from '../use-resource';
import { MSZ_YEAR } from './provider-detail-page';
import { ImprovementAgreementsPanel } from './quality-agreements';
import { QuestionnairePanel } from './quality-questionnaire';
import { SelectionPanel } from './quality-selection';

export function QualityPage({ agb }: { agb: string }) {
  const { user } = useSession();
  const provider = useResource((signal) => api.provider(agb, signal), [agb]);
  const [questionnaire, reloadQuestionnaire] = useReloadableResource((signal) => qualityApi.questionnaire(agb, MSZ_YEAR, signal), [agb]);
  const name = provider.status === 'ready' ? provider.data.name : `zorgaanbieder ${agb}`;
  const isOwnProvider = user?.role === 'provider' && user.agb === agb;
  const isPurchaser = user?.role === 'purchaser';
  return (
    <article>
      <p className="back-link">
        <Link to={`/providers/${encodeURIComponent(agb)}`}>← {provider.status === 'ready' ? provider.data.name : 'Zorgaanbieder'}</Link>
      </p>
      <h1>Kwaliteit en selectie {MSZ_YEAR}</h1>
      <p className="subtitle">
        {name} · AGB-code <span className="code">{agb}</span>
      </p>
      <Loaded resource={questionnaire} what="Vragenlijst">
        {(q) => (
          <Tabs
            label={`Kwaliteit van ${name}`}
            tabs={[
              {
                id: 'vragenlijst',
                label: 'Vragenlijst',
                render: () => <QuestionnairePanel questionnaire={q} editable={isOwnProvider} onSaved={reloadQuestionnaire} />,
              },
              { id: 'verbeterafspraken', label: 'Verbeterafspraken', render: () => <ImprovementAgreementsPanel agb={agb} year={MSZ_YEAR} questionnaire={q} canMarkMet={isPurchaser} /> },
              { id: 'selectie', label: 'Minimumnormen en selectieve inkoop', render: () => <SelectionPanel agb={agb} year={MSZ_YEAR} canApply={isPurchaser} /> },
            ]}
          />
        )}
      </Loaded>
    </article>
  );
}
