import { activityRouter } from './routers/activity';
import { catalogRouter } from './routers/catalog';
import { classificationRouter } from './routers/classification';
import { complianceRouter } from './routers/compliance';
import { dataSourceRouter } from './routers/datasource';
import { glossaryRouter } from './routers/glossary';
import { scanRouter } from './routers/scan';
import { scanRuleSetRouter } from './routers/scan-rule-set';
import { orchestrationRouter } from './routers/orchestration';
import { pipelineRouter } from './routers/pipeline';
import { workflowRouter } from './routers/workflow';
import { taskRouter } from './routers/task';
import { notificationRouter } from './routers/notification';
import { rbacRouter } from './routers/rbac';
import { userRouter } from './routers/user';
import { workspaceRouter } from './routers/workspace';
import { collabRouter } from './routers/collab';
import { commentRouter } from './routers/comment';
import { documentRouter } from './routers/document';
import { kbRouter } from './routers/kb';
import { expertsRouter } from './routers/experts';
import { guestRouter } from './routers/guest';
import { accessRequestRouter } from './routers/access-request';
import { attestationRouter } from './routers/attestation';
import { dashboardRouter } from './routers/dashboard';
import { metricsRouter } from './routers/metrics';
import { insightRouter } from './routers/insight';
import { aiRouter } from './routers/ai';
import { router } from './trpc';

export const appRouter = router({
  orchestration: orchestrationRouter,
  workspace: workspaceRouter,
  activity: activityRouter,
  user: userRouter,
  rbac: rbacRouter,
  datasource: dataSourceRouter,
  scanRuleSet: scanRuleSetRouter,
  scan: scanRouter,
  classification: classificationRouter,
  catalog: catalogRouter,
  glossary: glossaryRouter,
  compliance: complianceRouter,
  pipeline: pipelineRouter,
  workflow: workflowRouter,
  task: taskRouter,
  notification: notificationRouter,
  collab: collabRouter,
  comment: commentRouter,
  document: documentRouter,
  kb: kbRouter,
  experts: expertsRouter,
  guest: guestRouter,
  accessRequest: accessRequestRouter,
  attestation: attestationRouter,
  dashboard: dashboardRouter,
  metrics: metricsRouter,
  insight: insightRouter,
  ai: aiRouter,
});

export type AppRouter = typeof appRouter;
