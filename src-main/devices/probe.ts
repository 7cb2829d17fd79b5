import type { Device, DeviceKind } from '../contract/devices.ts';

/** Every driver family finds its devices through one of these (the NAPS2 "list devices" step). */
export interface DeviceProbe {
  kind: DeviceKind;
  driver: string;
  probe(): Promise<Device[]>;
}
