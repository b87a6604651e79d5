import { activityRouter } from './routers/activity';
import { orchestrationRouter } from './routers/orchestration';
import { rbacRouter } from './routers/rbac';
import { userRouter } from './routers/user';
import { workspaceRouter } from './routers/workspace';
import { router } from './trpc';

export const appRouter = router({
  orchestration: orchestrationRouter,
  workspace: workspaceRouter,
  activity: activityRouter,
  user: userRouter,
  rbac: rbacRouter,
});

export type AppRouter = typeof appRouter;
