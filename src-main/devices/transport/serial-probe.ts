import type { Device } from '../../contract/devices.ts';
import type { DeviceProbe } from '../probe.ts';

/**
 * Serial ports (COM3 on Windows, /dev/ttyACM0 on Linux) where QR readers in CDC-ACM mode appear.
 * The USB identity tells a known reader from an unrelated port.
 */
export const serialProbe: DeviceProbe = {
  kind: 'qr',
  driver: 'serial',
  async probe() {
    const { SerialPort } = await import('serialport');
    const ports = await SerialPort.list();
    return ports
      .filter((p) => p.vendorId || process.platform === 'win32')
      .map<Device>((p) => ({
        id: `serial:${p.path}`,
        kind: 'qr',
        driver: 'serial',
        name: [p.manufacturer, p.productId ? `${p.vendorId}:${p.productId}` : undefined].filter(Boolean).join(' ') || p.path,
        address: p.path,
        status: 'ready',
        simulated: false,
      }));
  },
};
