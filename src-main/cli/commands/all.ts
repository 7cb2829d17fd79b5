import type { CliCommand } from '../command.ts';
import { appCommands } from './app.ts';
import { printCommands } from './print.ts';
import { scanCommands } from './scan.ts';
import { ocrCommands } from './documents.ts';
import { storeCommands } from './store.ts';
import { procedureCommands } from './procedures.ts';
import { dossierCommands } from './dossiers.ts';
import { userCommands } from './users.ts';
import { adminCommands } from './admin.ts';
import { deviceCommands } from './devices.ts';
import { cardCommands } from './card.ts';
import { pdfCommands } from './signing.ts';
import { calendarCommands } from './calendar.ts';
import { identityCommands } from './identity.ts';
import { queueCommands } from './queue.ts';
import { settingsCommands } from './settings.ts';

/** Each feature keeps its subcommands in its own file (named like the feature); this is only the list. */
export const allCommands: CliCommand[] = [...appCommands, ...printCommands, ...storeCommands, ...procedureCommands, ...dossierCommands, ...userCommands, ...adminCommands, ...deviceCommands, ...cardCommands, ...calendarCommands, ...pdfCommands, ...scanCommands, ...ocrCommands, ...identityCommands, ...queueCommands, ...settingsCommands];
