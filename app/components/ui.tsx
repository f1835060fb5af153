import type { ReactNode } from "react";
import { Link } from "react-router";

export function Alert({ type = "info", children }: { type?: "info" | "ok" | "warning" | "error"; children: ReactNode }) {
  return (
    <div className={`utrecht-alert utrecht-alert--${type}`} role={type === "error" ? "alert" : "status"}>
      <div className="utrecht-alert__content">{children}</div>
    </div>
  );
}

export function ButtonLink({ to, children, appearance = "secondary" }: { to: string; children: ReactNode; appearance?: "primary" | "secondary" | "subtle" }) {
  return (
    <Link to={to} className={`utrecht-button-link utrecht-button-link--html-a utrecht-button-link--${appearance}-action`}>
      {children}
    </Link>
  );
}

export function PageTitle({ children }: { children: ReactNode }) {
  return <h1 className="utrecht-heading-1">{children}</h1>;
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="page-section">
      <h2 className="utrecht-heading-2">{title}</h2>
      {children}
    </section>
  );
}
