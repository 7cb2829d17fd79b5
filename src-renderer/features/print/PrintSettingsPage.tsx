import { FormPreview } from './FormPreview.tsx';
import { PrinterProfiles } from './PrinterProfiles.tsx';

/** Printing settings: assign forms to printers and preview every form. (Printer list and test page: settings/PrintTest.) */
export function PrintSettingsPage() {
  return (
    <div style={{ display: 'grid', gap: 12 }}>
      <PrinterProfiles />
      <FormPreview />
    </div>
  );
}
