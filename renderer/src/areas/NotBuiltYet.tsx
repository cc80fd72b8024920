/** An honest placeholder for an area whose feature is not built yet: what it will do, and what to use meanwhile. */
export function NotBuiltYet({ title, plan, meanwhile }: { title: string; plan: string; meanwhile: string }) {
  return (
    <section className="panel empty" data-testid="not-built">
      <h2>{title}</h2>
      <p><strong>Not built yet.</strong> {plan}</p>
      <p className="muted">{meanwhile}</p>
    </section>
  );
}
