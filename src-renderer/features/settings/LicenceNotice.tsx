import { useState } from 'react';
import { defineMessages, useMessages } from '../../i18n/messages.ts';

const msgs = defineMessages({
  show: { vi: 'Giấy phép phần mềm bên thứ ba', en: 'Third-party software licences' },
  hide: { vi: 'Ẩn giấy phép', en: 'Hide licences' },
  loading: { vi: 'Đang tải…', en: 'Loading…' },
});

/** Settings → About: the licence notice generated at build time, loaded only when asked for. */
export function LicenceNotice() {
  const t = useMessages(msgs);
  const [text, setText] = useState<string>();
  const [open, setOpen] = useState(false);
  const toggle = () => {
    setOpen(!open);
    if (!text) void import('virtual:third-party-licences').then((m) => setText(m.default));
  };
  return (
    <div>
      <button type="button" onClick={toggle} data-testid="licences-toggle">
        {open ? t('hide') : t('show')}
      </button>
      {open && (
        <pre className="mono" data-testid="licences" style={{ maxHeight: 360, overflow: 'auto', whiteSpace: 'pre-wrap', fontSize: 12 }}>
          {text ?? t('loading')}
        </pre>
      )}
    </div>
  );
}
