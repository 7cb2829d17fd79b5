import { useCall } from '../../app/use-call.ts';
import { useMessages } from '../../i18n/messages.ts';
import { settingsMsgs } from './settings-messages.ts';

/** This PC's installation tag (part of every provisional code) and the province's view of its counter identity. */
export function InstallationInfo() {
  const m = useMessages(settingsMsgs);
  const status = useCall('store.status', {});
  if (!status.data) return null;
  const { installation, counterIdentity } = status.data;
  return (
    <dl className="facts" data-testid="installation-info">
      <dt>{m('agency.installationTag')}</dt>
      <dd className="mono" data-testid="installation-tag">
        {installation.tag}
      </dd>
      <dt>{m('agency.installationId')}</dt>
      <dd className="mono">{installation.id}</dd>
      {counterIdentity?.state === 'conflict' && (
        <dd className="error" role="alert" data-testid="counter-identity-conflict">
          {m('agency.counterConflict')}
        </dd>
      )}
    </dl>
  );
}
