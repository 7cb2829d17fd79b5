import type { z } from 'zod';
import { appMethods } from './app.ts';
import { printMethods } from './print.ts';
import { cardMethods } from './card.ts';
import { identityMethods } from './idread.ts';
import { healthMethods } from './health.ts';
import { adminMethods } from './admin.ts';
import { receptionMethods } from './reception.ts';
import { dossiersMethods } from './dossiers.ts';
import { proceduresMethods } from './procedures.ts';
import { storeMethods } from './store.ts';
import { usersMethods } from './users.ts';
import { calendarMethods } from './calendar.ts';
import { devicesMethods } from './devices.ts';
import { settingsMethods } from './settings.ts';
import { statusMethods } from './status.ts';
import { scanMethods } from './scan.ts';
import { documentsMethods } from './documents.ts';
import { signingMethods } from './signing.ts';
import { queueMethods } from './queue.ts';
import { dossierViewMethods } from './dossier-view.ts';
import { trainingMethods } from './training.ts';
import { reportsMethods } from './reports.ts';

/** The one table both transports are generic over. Each feature keeps its methods in its own file. */
export const methods = {
  ...appMethods,
  ...printMethods,
  ...cardMethods,
  ...identityMethods,
  ...healthMethods,
  ...adminMethods,
  ...receptionMethods,
  ...dossiersMethods,
  ...proceduresMethods,
  ...storeMethods,
  ...usersMethods,
  ...calendarMethods,
  ...devicesMethods,
  ...settingsMethods,
  ...statusMethods,
  ...scanMethods,
  ...documentsMethods,
  ...signingMethods,
  ...queueMethods,
  ...dossierViewMethods,
  ...trainingMethods,
  ...reportsMethods,
};
export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(methods, name);
}
