// The "Experiment" region: the flow's objectives, a sweep of one field with replications (run on
// the sweep workers, in parallel), the search for the smallest value meeting the objectives, and
// the last sweep's results. Objectives belong to the flow (saved, undone, exported with it); the
// sweep's setup and results belong to this session.
import { SweepResults } from './SweepResults';
import { SloSection } from './SloSection';
import { SweepSetup } from './SweepSetup';
import './experiment.css';

export function ExperimentPanel() {
  return (
    <section className="inspector experiment" aria-label="Experiment">
      <div className="inspector__head">
        <div>
          <h2 className="inspector__title">Experiment</h2>
          <p className="inspector__id">Sweep a setting over replicated runs; check objectives</p>
        </div>
      </div>
      <div className="inspector__fields">
        <SloSection />
        <SweepSetup />
        <SweepResults />
      </div>
    </section>
  );
}
