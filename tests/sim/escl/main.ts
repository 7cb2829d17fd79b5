/** Runs the eSCL simulator by hand (training, demos): `npx tsx tests/sim/escl/main.ts`. */
import { startEsclSim } from './server.ts';

const sim = await startEsclSim({ sheets: 3, busyBefore: [1] });
console.log(`eSCL simulator: ${sim.url}  (device id escl:${sim.url})`);
