import type { CliCommand } from '../command.ts';
import { appCommands } from './app.ts';
import { adminCommands } from './admin.ts';
import { deviceCommands } from './devices.ts';
import { calendarCommands } from './calendar.ts';

/** Each area keeps its subcommands in its own file; this is only the list of areas. */
export const allCommands: CliCommand[] = [...appCommands, ...adminCommands, ...deviceCommands, ...calendarCommands];
