import type { ReactNode } from 'react';

export function PageHeader({ title, lead, children }: { title: string; lead: string; children?: ReactNode }) {
  return (
    <div className="page-header">
      <h1>{title}</h1>
      <p>{lead}</p>
      {children}
    </div>
  );
}
