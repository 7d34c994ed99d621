/**
 * The GraphQL documents of the Train and Evaluate screens (training, quizzes,
 * dashboards, satisfaction, action plans, assessments, performance plan),
 * with their result and variable types written by hand.
 */
import { operation } from './operation';

type UserErrorResult = { __typename: 'ValidationError' | 'NotFoundError' | 'NotAllowedError' | 'ConflictError'; code: string; message: string };

// ---------------------------------------------------------------- training

export type TrainingStatus = 'NOT_STARTED' | 'IN_PROGRESS' | 'COMPLETED';

export interface TrainingModuleSummary {
  id: string;
  title: string;
  summary: string;
  durationMinutes: number;
  sectionCount: number;
  sectionsDone: number;
  status: TrainingStatus;
  dueAt: string | null;
  quizId: string | null;
  assigned: boolean;
}

export interface TextSpan {
  kind: 'TEXT' | 'STRONG' | 'EM' | 'LINK';
  text: string;
  href: string | null;
}

export interface ContentBlock {
  kind: 'HEADING2' | 'HEADING3' | 'PARAGRAPH' | 'BULLETS' | 'NUMBERS';
  spans: TextSpan[];
  items: { spans: TextSpan[] }[];
}

export interface ModuleSection {
  id: string;
  title: string;
  blocks: ContentBlock[];
  imageUrl: string | null;
  videoUrl: string | null;
  pdfUrl: string | null;
}

const MODULE_FIELDS = `fragment ModuleFields on TrainingModule {
  id title summary durationMinutes sectionCount sectionsDone status dueAt quizId assigned
}`;

export interface QuizSummary {
  id: string;
  title: string;
  passed: boolean;
  bestScorePercent: number | null;
}

export const MY_MODULES = operation<{ myModules: TrainingModuleSummary[]; standaloneQuizzes: QuizSummary[] }>(
  'MyModules',
  `query MyModules {
  myModules { ...ModuleFields }
  standaloneQuizzes { id title passed bestScorePercent }
} ${MODULE_FIELDS}`,
);

export const TRAINING_MODULE = operation<
  { trainingModule: (TrainingModuleSummary & { sections: ModuleSection[] }) | null },
  { id: string }
>(
  'TrainingModule',
  `query TrainingModule($id: ID!) {
  trainingModule(id: $id) {
    ...ModuleFields
    sections { id title imageUrl videoUrl pdfUrl
      blocks { kind spans { kind text href } items { spans { kind text href } } } }
  }
} ${MODULE_FIELDS}`,
);

export type RecordTrainingProgressResult =
  | { __typename: 'RecordTrainingProgressSuccess'; module: TrainingModuleSummary }
  | UserErrorResult;

export const RECORD_TRAINING_PROGRESS = operation<
  { recordTrainingProgress: RecordTrainingProgressResult },
  { moduleId: string; sectionsDone: number }
>(
  'RecordTrainingProgress',
  `mutation RecordTrainingProgress($moduleId: ID!, $sectionsDone: Int!) {
  recordTrainingProgress(moduleId: $moduleId, sectionsDone: $sectionsDone) {
    __typename
    ... on RecordTrainingProgressSuccess { module { ...ModuleFields } }
    ... on UserError { code message }
  }
} ${MODULE_FIELDS}`,
);

export interface QuizQuestion {
  id: string;
  text: string;
  multiple: boolean;
  choices: { id: string; text: string }[];
}

export interface Quiz {
  id: string;
  title: string;
  moduleId: string | null;
  passMarkPercent: number;
  maxAttempts: number | null;
  attemptsLeft: number | null;
  attemptsUsed: number;
  bestScorePercent: number | null;
  passed: boolean;
  questions: QuizQuestion[];
}

export const QUIZ = operation<{ quiz: Quiz | null }, { id: string }>(
  'Quiz',
  `query Quiz($id: ID!) {
  quiz(id: $id) { id title moduleId passMarkPercent maxAttempts attemptsLeft attemptsUsed bestScorePercent passed
    questions { id text multiple choices { id text } } }
}`,
);

export interface QuizAttemptResult {
  number: number;
  scorePercent: number;
  passed: boolean;
  passMarkPercent: number;
  attemptsLeft: number | null;
  moduleCompleted: boolean;
  /** The corrections come with a passing attempt or the last one allowed, never before. */
  correctionsShown: boolean;
  corrections: { questionId: string; correct: boolean; correctChoiceIds: string[]; explanation: string }[];
}

export type SubmitQuizAttemptResult = { __typename: 'SubmitQuizAttemptSuccess'; result: QuizAttemptResult } | UserErrorResult;

export const SUBMIT_QUIZ_ATTEMPT = operation<
  { submitQuizAttempt: SubmitQuizAttemptResult },
  { input: { quizId: string; answers: { questionId: string; choiceIds: string[] }[] } }
>(
  'SubmitQuizAttempt',
  `mutation SubmitQuizAttempt($input: SubmitQuizAttemptInput!) {
  submitQuizAttempt(input: $input) {
    __typename
    ... on SubmitQuizAttemptSuccess { result { number scorePercent passed passMarkPercent attemptsLeft moduleCompleted
      correctionsShown corrections { questionId correct correctChoiceIds explanation } } }
    ... on UserError { code message }
  }
}`,
);

export interface PersonProgress {
  userId: string;
  displayName: string;
  unitName: string;
  status: TrainingStatus;
  remindedAt: string | null;
}

export const MODULE_PARTICIPATION = operation<
  {
    moduleParticipation: {
      notStartedCount: number;
      inProgressCount: number;
      completedCount: number;
      people: PersonProgress[];
    };
  },
  { moduleId: string; unitId: string | null }
>(
  'ModuleParticipation',
  `query ModuleParticipation($moduleId: ID!, $unitId: ID) {
  moduleParticipation(moduleId: $moduleId, unitId: $unitId) { notStartedCount inProgressCount completedCount
    people { userId displayName unitName status remindedAt } }
}`,
);

export const TRAINING_MODULES = operation<{ trainingModules: { id: string; title: string }[] }>(
  'TrainingModules',
  `query TrainingModules { trainingModules { id title } }`,
);

export type SendTrainingRemindersResult =
  | { __typename: 'SendTrainingRemindersSuccess'; remindedUserIds: string[] }
  | UserErrorResult;

export const SEND_TRAINING_REMINDERS = operation<
  { sendTrainingReminders: SendTrainingRemindersResult },
  { moduleId: string; userIds: string[] }
>(
  'SendTrainingReminders',
  `mutation SendTrainingReminders($moduleId: ID!, $userIds: [ID!]!) {
  sendTrainingReminders(moduleId: $moduleId, userIds: $userIds) {
    __typename
    ... on SendTrainingRemindersSuccess { remindedUserIds }
    ... on UserError { code message }
  }
}`,
);

// -------------------------------------------------------------- dashboards

export interface SkillScore {
  skillId: string;
  skillName: string;
  level: number;
  descriptor: string;
}

export interface ResultAgainstTarget {
  metricId: string;
  metricName: string;
  unitLabel: string;
  total: number;
  target: number;
  percent: number | null;
}

export interface MyDashboard {
  modulesAssigned: number;
  modulesCompleted: number;
  modulesInProgress: number;
  completionRate: number | null;
  quizAverage: number | null;
  quizzesTaken: number;
  skills: SkillScore[];
  pointOfSaleName: string | null;
  satisfactionIndex: number | null;
  satisfactionTarget: number | null;
  badges: { badgeId: string; name: string; emoji: string | null; kind: string; level: string | null }[];
  results: ResultAgainstTarget[];
  standings: { challengeId: string; name: string; rank: number | null; participantCount: number; score: number }[];
}

const MY_DASHBOARD_FIELDS = `fragment MyDashboardFields on MyDashboard {
  modulesAssigned modulesCompleted modulesInProgress completionRate quizAverage quizzesTaken
  skills { skillId skillName level descriptor }
  pointOfSaleName satisfactionIndex satisfactionTarget
  badges { badgeId name emoji kind level }
  results { metricId metricName unitLabel total target percent }
  standings { challengeId name rank participantCount score }
}`;

export const MY_DASHBOARD_LIVE = operation<{ myDashboard: { version: number; dashboard: MyDashboard } }>(
  'MyDashboardLive',
  `subscription MyDashboardLive { myDashboard { version dashboard { ...MyDashboardFields } } } ${MY_DASHBOARD_FIELDS}`,
);

export interface TrainingFigures {
  people: number;
  assigned: number;
  started: number;
  notStarted: number;
  completed: number;
  completionRate: number | null;
  quizAverage: number | null;
  quizScoresCount: number;
}

export interface IndexPoint {
  month: string;
  index: number | null;
  sampleSize: number;
}

export interface ActionPlanSummary {
  id: string;
  unitName: string;
  title: string;
  status: 'OPEN' | 'CLOSED';
  progressPercent: number;
}

export interface UnitDashboard {
  unitId: string;
  unitName: string;
  figures: TrainingFigures;
  satisfactionIndex: number | null;
  satisfactionTarget: number;
  satisfactionTrend: IndexPoint[];
  openActionPlans: ActionPlanSummary[];
  badgesThisMonth: number;
  results: ResultAgainstTarget[];
  subUnits: { unitId: string; name: string; kind: string; rank: number; satisfactionIndex: number | null; figures: TrainingFigures }[];
}

const FIGURES = 'people assigned started notStarted completed completionRate quizAverage quizScoresCount';

export const UNIT_DASHBOARD_LIVE = operation<
  { unitDashboard: { version: number; dashboard: UnitDashboard } },
  { unitId: string | null }
>(
  'UnitDashboardLive',
  `subscription UnitDashboardLive($unitId: ID) {
  unitDashboard(unitId: $unitId) { version dashboard {
    unitId unitName satisfactionIndex satisfactionTarget badgesThisMonth
    figures { ${FIGURES} }
    satisfactionTrend { month index sampleSize }
    openActionPlans { id unitName title status progressPercent }
    subUnits { unitId name kind rank satisfactionIndex figures { ${FIGURES} } }
    results { metricId metricName unitLabel total target percent }
  } }
}`,
);

export type DashboardTable = 'SUB_UNITS' | 'PEOPLE' | 'ACTION_PLANS' | 'SATISFACTION' | 'ASSESSMENTS';

export const DASHBOARD_CSV = operation<{ dashboardCsv: string }, { unitId: string; table: DashboardTable }>(
  'DashboardCsv',
  `query DashboardCsv($unitId: ID!, $table: DashboardTable!) { dashboardCsv(unitId: $unitId, table: $table) }`,
);

// ------------------------------------------------------------- evaluation

export interface ActionItem {
  id: string;
  what: string;
  ownerId: string | null;
  ownerName: string | null;
  dueOn: string | null;
  status: 'TODO' | 'IN_PROGRESS' | 'DONE';
}

export interface ActionPlan extends ActionPlanSummary {
  unitId: string;
  items: ActionItem[];
  comments: { id: string; authorName: string | null; body: string; createdAt: string }[];
}

const PLAN_FIELDS = `fragment PlanFields on ActionPlan {
  id unitId unitName title status progressPercent
  items { id what ownerId ownerName dueOn status }
  comments { id authorName body createdAt }
}`;

export interface PointOfSale {
  unitId: string;
  unitName: string;
  city: string | null;
  index: number | null;
  target: number;
  belowTarget: boolean;
  trend: IndexPoint[];
  surveys: { id: string; kind: 'NPS' | 'SCORE_10'; value: number; sampleSize: number; periodEnd: string; normalised: number }[];
  mysteryVisits: { id: string; visitedOn: string; globalScore: number; comment: string; sections: { name: string; score: number }[] }[];
  actionPlans: ActionPlanSummary[];
  team: { id: string; displayName: string }[];
  canRecord: boolean;
}

export const POINT_OF_SALE = operation<{ pointOfSale: PointOfSale | null }, { unitId: string | null }>(
  'PointOfSale',
  `query PointOfSale($unitId: ID) {
  pointOfSale(unitId: $unitId) { unitId unitName city index target belowTarget
    trend { month index sampleSize }
    surveys { id kind value sampleSize periodEnd normalised }
    mysteryVisits { id visitedOn globalScore comment sections { name score } }
    actionPlans { id unitName title status progressPercent }
    team { id displayName }
    canRecord }
}`,
);

export const ACTION_PLAN = operation<{ actionPlan: ActionPlan | null }, { id: string }>(
  'ActionPlan',
  `query ActionPlan($id: ID!) { actionPlan(id: $id) { ...PlanFields } } ${PLAN_FIELDS}`,
);

export const ACTION_PLAN_LIVE = operation<
  { actionPlan: { version: number; type: string; plan: ActionPlan } },
  { planId: string }
>(
  'ActionPlanLive',
  `subscription ActionPlanLive($planId: ID!) { actionPlan(planId: $planId) { version type plan { ...PlanFields } } } ${PLAN_FIELDS}`,
);

export type ActionPlanResult = { __typename: 'ActionPlanSuccess'; plan: ActionPlan } | UserErrorResult;

export const ADD_ACTION_ITEM = operation<
  { addActionItem: ActionPlanResult },
  { input: { planId: string; what: string; ownerId: string | null; dueOn: string | null } }
>(
  'AddActionItem',
  `mutation AddActionItem($input: AddActionItemInput!) {
  addActionItem(input: $input) { __typename ... on ActionPlanSuccess { plan { ...PlanFields } } ... on UserError { code message } }
} ${PLAN_FIELDS}`,
);

export const UPDATE_ACTION_ITEM = operation<
  { updateActionItem: ActionPlanResult },
  { input: { itemId: string; status: ActionItem['status'] } }
>(
  'UpdateActionItem',
  `mutation UpdateActionItem($input: UpdateActionItemInput!) {
  updateActionItem(input: $input) { __typename ... on ActionPlanSuccess { plan { ...PlanFields } } ... on UserError { code message } }
} ${PLAN_FIELDS}`,
);

export const COMMENT_ACTION_PLAN = operation<{ commentActionPlan: ActionPlanResult }, { planId: string; body: string }>(
  'CommentActionPlan',
  `mutation CommentActionPlan($planId: ID!, $body: String!) {
  commentActionPlan(planId: $planId, body: $body) { __typename ... on ActionPlanSuccess { plan { ...PlanFields } } ... on UserError { code message } }
} ${PLAN_FIELDS}`,
);

export interface Assessment {
  id: string;
  gridName: string;
  personName: string;
  assessorName: string | null;
  outcome: 'PASSED' | 'NOT_PASSED';
  comment: string;
  personComment: string;
  averageLevel: number;
  createdAt: string;
  scores: (SkillScore & { comment: string })[];
}

const ASSESSMENT_FIELDS = `fragment AssessmentFields on Assessment {
  id gridName personName assessorName outcome comment personComment averageLevel createdAt
  scores { skillId skillName level descriptor comment }
}`;

export const ASSESSMENT = operation<{ assessment: Assessment | null; me: { id: string } | null }, { id: string }>(
  'Assessment',
  `query Assessment($id: ID!) { assessment(id: $id) { ...AssessmentFields } me { id } } ${ASSESSMENT_FIELDS}`,
);

export const MY_ASSESSMENTS = operation<{ myAssessments: Assessment[] }>(
  'MyAssessments',
  `query MyAssessments { myAssessments { ...AssessmentFields } } ${ASSESSMENT_FIELDS}`,
);

export type AssessmentResult = { __typename: 'AssessmentSuccess'; assessment: Assessment } | UserErrorResult;

export const COMMENT_ASSESSMENT = operation<
  { commentAssessment: AssessmentResult },
  { assessmentId: string; comment: string }
>(
  'CommentAssessment',
  `mutation CommentAssessment($assessmentId: ID!, $comment: String!) {
  commentAssessment(assessmentId: $assessmentId, comment: $comment) {
    __typename ... on AssessmentSuccess { assessment { ...AssessmentFields } } ... on UserError { code message }
  }
} ${ASSESSMENT_FIELDS}`,
);

export interface SkillsGrid {
  id: string;
  name: string;
  skills: { id: string; name: string; descriptors: string[] }[];
}

export const ASSESSMENT_FORM = operation<
  { skillsGrids: SkillsGrid[]; unitPeople: { userId: string; displayName: string; unitName: string }[] },
  { unitId: string }
>(
  'AssessmentForm',
  `query AssessmentForm($unitId: ID!) {
  skillsGrids { id name skills { id name descriptors } }
  unitPeople(unitId: $unitId) { userId displayName unitName }
}`,
);

export const SUBMIT_ASSESSMENT = operation<
  { submitAssessment: AssessmentResult },
  {
    input: {
      personId: string;
      gridId: string;
      outcome: 'PASSED' | 'NOT_PASSED';
      comment: string;
      scores: { skillId: string; level: number }[];
    };
  }
>(
  'SubmitAssessment',
  `mutation SubmitAssessment($input: SubmitAssessmentInput!) {
  submitAssessment(input: $input) { __typename ... on AssessmentSuccess { assessment { ...AssessmentFields } } ... on UserError { code message } }
} ${ASSESSMENT_FIELDS}`,
);

// -------------------------------------------------------- performance plan

export type PlanLever = 'TRAINING' | 'QUIZ' | 'SATISFACTION' | 'BADGES' | 'CHALLENGES';

export interface PerformancePlan {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string;
  trainingCompletionTarget: number;
  quizAverageTarget: number;
  satisfactionIndexTarget: number;
  units: {
    unitId: string;
    unitName: string;
    levers: { lever: PlanLever; value: number | null; target: number | null; onTrack: boolean | null }[];
  }[];
}

export const PERFORMANCE_PLANS = operation<{ performancePlans: PerformancePlan[] }>(
  'PerformancePlans',
  `query PerformancePlans {
  performancePlans { id name startsOn endsOn trainingCompletionTarget quizAverageTarget satisfactionIndexTarget
    units { unitId unitName levers { lever value target onTrack } } }
}`,
);

// ---------------------------------------------------------- recommendation

export interface ModuleRecommendation {
  reason: 'QUIZ_FAILED' | 'SKILL_GAP' | 'DUE_SOON';
  detail: string;
  module: { id: string; title: string };
}

export const RECOMMENDED_MODULES = operation<{ recommendedModules: ModuleRecommendation[] }>(
  'RecommendedModules',
  `query RecommendedModules { recommendedModules { reason detail module { id title } } }`,
);

// --------------------------------------------------- recording satisfaction

export type RecordSurveyResult =
  | { __typename: 'RecordSatisfactionSurveySuccess'; survey: { id: string } }
  | UserErrorResult;

export const RECORD_SATISFACTION_SURVEY = operation<
  { recordSatisfactionSurvey: RecordSurveyResult },
  {
    input: {
      unitId: string;
      kind: 'NPS' | 'SCORE_10';
      value: number;
      sampleSize: number;
      periodStart: string;
      periodEnd: string;
    };
  }
>(
  'RecordSatisfactionSurvey',
  `mutation RecordSatisfactionSurvey($input: SatisfactionSurveyInput!) {
  recordSatisfactionSurvey(input: $input) {
    __typename ... on RecordSatisfactionSurveySuccess { survey { id } } ... on UserError { code message }
  }
}`,
);

export type ImportSatisfactionCsvResult =
  | { __typename: 'ImportSatisfactionSuccess'; imported: number }
  | { __typename: 'ImportSatisfactionRejected'; message: string; rows: { line: number; column: string; message: string }[] }
  | UserErrorResult;

export const IMPORT_SATISFACTION_CSV = operation<{ importSatisfactionCsv: ImportSatisfactionCsvResult }, { csv: string }>(
  'ImportSatisfactionCsv',
  `mutation ImportSatisfactionCsv($csv: String!) {
  importSatisfactionCsv(csv: $csv) {
    __typename
    ... on ImportSatisfactionSuccess { imported }
    ... on ImportSatisfactionRejected { message rows { line column message } }
    ... on UserError { code message }
  }
}`,
);

export const CREATE_ACTION_PLAN = operation<
  { createActionPlan: ActionPlanResult },
  { input: { unitId: string; title: string; surveyId: string | null } }
>(
  'CreateActionPlan',
  `mutation CreateActionPlan($input: CreateActionPlanInput!) {
  createActionPlan(input: $input) { __typename ... on ActionPlanSuccess { plan { ...PlanFields } } ... on UserError { code message } }
} ${PLAN_FIELDS}`,
);

export type CreatePerformancePlanResult =
  | { __typename: 'CreatePerformancePlanSuccess'; plan: { id: string } }
  | UserErrorResult;

export const CREATE_PERFORMANCE_PLAN = operation<
  { createPerformancePlan: CreatePerformancePlanResult },
  {
    input: {
      name: string;
      startsOn: string;
      endsOn: string;
      moduleIds: string[];
      quizIds: string[];
      challengeIds: string[];
      trainingCompletionTarget: number;
      quizAverageTarget: number;
      satisfactionIndexTarget: number;
    };
  }
>(
  'CreatePerformancePlan',
  `mutation CreatePerformancePlan($input: CreatePerformancePlanInput!) {
  createPerformancePlan(input: $input) {
    __typename ... on CreatePerformancePlanSuccess { plan { id } } ... on UserError { code message }
  }
}`,
);

export const PLAN_CHOICES = operation<{
  trainingModules: { id: string; title: string; quizId: string | null }[];
  challenges: { id: string; name: string; status: string }[];
}>('PlanChoices', `query PlanChoices { trainingModules { id title quizId } challenges { id name status } }`);

export type RecordMysteryVisitResult = { __typename: 'RecordMysteryVisitSuccess'; visit: { globalScore: number } } | UserErrorResult;

export const RECORD_MYSTERY_VISIT = operation<
  { recordMysteryVisit: RecordMysteryVisitResult },
  { input: { unitId: string; visitedOn: string; comment: string; sections: { name: string; score: number }[] } }
>(
  'RecordMysteryVisit',
  `mutation RecordMysteryVisit($input: MysteryVisitInput!) {
  recordMysteryVisit(input: $input) {
    __typename ... on RecordMysteryVisitSuccess { visit { globalScore } } ... on UserError { code message }
  }
}`,
);

export const UNIT_ASSESSMENTS = operation<
  { assessments: { id: string; personName: string; gridName: string; outcome: 'PASSED' | 'NOT_PASSED'; averageLevel: number }[] },
  { unitId: string }
>(
  'UnitAssessments',
  `query UnitAssessments($unitId: ID!) { assessments(unitId: $unitId) { id personName gridName outcome averageLevel } }`,
);
