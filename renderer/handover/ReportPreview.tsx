// A report's HTML shown beside its dialog's form (handover, after-action), or a hint until there is one.
export function ReportPreview({
  html,
  title,
  empty,
  testId,
}: {
  html: string | null;
  title: string;
  empty: string;
  testId: string;
}) {
  return (
    <div className="handover-preview">
      {html ? (
        <iframe
          title={title}
          data-testid={testId}
          // No scripts, forms, popups or navigation; same origin only so the parent may read it.
          sandbox="allow-same-origin"
          srcDoc={html}
        />
      ) : (
        <p className="hint">{empty}</p>
      )}
    </div>
  );
}
