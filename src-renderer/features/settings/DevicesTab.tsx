import { DevicesPanel } from './DevicesPanel.tsx';
import { ScanTest } from './ScanTest.tsx';
import { CardTest } from './CardTest.tsx';
import { QrTest } from './QrTest.tsx';
import { PrintTest } from './PrintTest.tsx';
import { useSlots } from '../../app/slots.tsx';

/** Discovery on top, then one test per kind of device, then the QR / vendor reader configuration. */
export function DevicesTab() {
  const { IdentityReadersForm } = useSlots();
  return (
    <div>
      <DevicesPanel />
      <div className="grid-2">
        <ScanTest />
        <CardTest />
        <QrTest />
        <PrintTest />
      </div>
      <IdentityReadersForm />
    </div>
  );
}
