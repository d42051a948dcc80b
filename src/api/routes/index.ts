// Every API resource, one route module each.
import type { FastifyInstance } from 'fastify';
import type { ApiContext } from '../context.ts';
import { evidenceRoutes } from './evidence.ts';
import { exportRoutes } from './exports.ts';
import { findingsRoutes } from './findings.ts';
import { graphRoutes } from './graph.ts';
import { identityRoutes } from './identities.ts';
import { indicatorRoutes } from './indicators.ts';
import { infrastructureRoutes } from './infrastructure.ts';
import { notificationRoutes } from './notifications.ts';
import { overviewRoutes } from './overview.ts';
import { relayRoutes } from './relays.ts';
import { userRoutes } from './users.ts';
import { victimRoutes } from './victims.ts';

export const ROUTES: Array<(app: FastifyInstance, ctx: ApiContext) => void> = [
  userRoutes, overviewRoutes, findingsRoutes, indicatorRoutes, infrastructureRoutes, relayRoutes, identityRoutes,
  victimRoutes, notificationRoutes, evidenceRoutes, exportRoutes, graphRoutes,
];
