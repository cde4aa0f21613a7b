// A country's flag (bundled SVG) with its name as the accessible text.
import { countryLabel, flagUrl } from './country';

export function Flag({
  code,
  lang,
  size = 'small',
}: {
  code: string;
  lang: string;
  size?: 'small' | 'large';
}) {
  const url = flagUrl(code);
  const name = countryLabel(code, lang);
  if (!url) return <span className="flag-code">{code}</span>;
  return <img className={`flag flag-${size}`} src={url} alt={name} title={name} data-testid="flag" />;
}
