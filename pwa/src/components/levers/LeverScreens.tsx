/**
 * The Train and Evaluate screens, loaded on demand (one chunk) so that the
 * first load stays the feed's.
 */
import type { LeverRoute } from '../../lib/levers';
import { DashboardsMyPage } from '../dashboards/DashboardsMyPage';
import { DashboardsUnitPage } from '../dashboards/DashboardsUnitPage';
import { EvaluationActionPlanPage } from '../evaluation/EvaluationActionPlanPage';
import { EvaluationAssessmentPage } from '../evaluation/EvaluationAssessmentPage';
import { EvaluationPointOfSalePage } from '../evaluation/EvaluationPointOfSalePage';
import { PlansPerformancePage } from '../plans/PlansPerformancePage';
import { TrainingLearnPage } from '../training/TrainingLearnPage';
import { TrainingModulePage } from '../training/TrainingModulePage';
import { TrainingQuizPage } from '../training/TrainingQuizPage';
import type { ViewerFieldsFragment as Viewer } from '../../graphql/accounts.generated';

export interface LeverScreensProps {
  route: LeverRoute;
  viewer: Viewer;
  onNotice: (message: string) => void;
}

export function LeverScreens({ route, viewer, onNotice }: LeverScreensProps) {
  const id = route.id ?? '';
  switch (route.name) {
    case 'learn':
      return <TrainingLearnPage />;
    case 'module':
      return <TrainingModulePage key={id} id={id} onNotice={onNotice} />;
    case 'quiz':
      return <TrainingQuizPage key={id} id={id} onNotice={onNotice} />;
    case 'results':
      return <DashboardsMyPage viewer={viewer} />;
    case 'team':
      return <DashboardsUnitPage viewer={viewer} unitId={null} onNotice={onNotice} />;
    case 'teamUnit':
      return <DashboardsUnitPage key={id} viewer={viewer} unitId={id} onNotice={onNotice} />;
    case 'pointOfSale':
      return <EvaluationPointOfSalePage unitId={null} onNotice={onNotice} />;
    case 'pointOfSaleUnit':
      return <EvaluationPointOfSalePage key={id} unitId={id} onNotice={onNotice} />;
    case 'actionPlan':
      return <EvaluationActionPlanPage key={id} id={id} onNotice={onNotice} />;
    case 'assessment':
      return <EvaluationAssessmentPage key={id} id={id} onNotice={onNotice} />;
    case 'performancePlan':
      return <PlansPerformancePage viewer={viewer} onNotice={onNotice} />;
  }
}
