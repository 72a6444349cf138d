/** The public landing page for visitors who are not logged in. */
import { Link } from '../router';

export function LandingPage() {
  return (
    <article className="landing">
      <h1>Zorginkoop</h1>
      <p className="lead">
        Zorginkoop is het platform waarmee Zilveren Kruis medisch-specialistische zorg en add-on geneesmiddelen inkoopt bij
        ziekenhuizen, UMC&apos;s, ZBC&apos;s en categorale instellingen.
      </p>
      <section className="public-entry" aria-labelledby="voor-klanten">
        <h2 id="voor-klanten">Voor klanten: wat kost een behandeling bij u in de buurt?</h2>
        <p>
          Met de Prijszoeker ziet u wat een behandeling kost bij de gecontracteerde ziekenhuizen en klinieken in uw omgeving, de
          dichtstbijzijnde eerst. Inloggen is niet nodig.
        </p>
        <p className="actions">
          <Link to="/prijzen" className="button button-primary">
            Naar de Prijszoeker
          </Link>
          <Link to="/gecontracteerd" className="button button-secondary">
            Gecontracteerde zorgaanbieders
          </Link>
        </p>
      </section>
      <div className="cards">
        <section className="card" aria-labelledby="voor-inkopers">
          <h2 id="voor-inkopers">Voor zorginkopers</h2>
          <p>Segmenteren van zorgaanbieders, prijs- en volumevoorstellen, afspraken met richtpunt of plafond, en de nacalculatie.</p>
        </section>
        <section className="card" aria-labelledby="voor-controle">
          <h2 id="voor-controle">Voor naleving &amp; controle</h2>
          <p>Controle van declaraties, spiegelinformatie voor zorgaanbieders en machtigingen vooraf.</p>
        </section>
        <section className="card" aria-labelledby="voor-aanbieders">
          <h2 id="voor-aanbieders">Voor zorgaanbieders</h2>
          <p>Uw eigen voorstel, overeenkomst, vragenlijst en spiegelinformatie: inzien, reageren en ondertekenen.</p>
        </section>
      </div>
      <p className="actions">
        <Link to="/login" className="button button-primary">
          Inloggen
        </Link>
        <Link to="/policies" className="button button-secondary">
          Inkoopbeleid bekijken
        </Link>
      </p>
    </article>
  );
}
