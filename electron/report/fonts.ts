// The report's typeface, shipped in resources/fonts (Inter, SIL Open Font License, OFL.txt) and
// embedded in every PDF, so a report looks the same wherever it is opened or printed.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const REPORT_FONT_FILES = { regular: 'Inter-Regular.ttf', bold: 'Inter-SemiBold.ttf' } as const;

export interface ReportFonts {
  regular: string;
  bold: string;
}

/** The two faces' files in `fontsDir`; throws naming the missing file. */
export function reportFonts(fontsDir: string): ReportFonts {
  const fonts = {
    regular: join(fontsDir, REPORT_FONT_FILES.regular),
    bold: join(fontsDir, REPORT_FONT_FILES.bold),
  };
  for (const file of Object.values(fonts)) {
    if (!existsSync(file)) throw new Error(`The report font ${file} is missing; reinstall Vigie.`);
  }
  return fonts;
}
