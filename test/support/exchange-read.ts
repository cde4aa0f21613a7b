// Reading Vigie's export files back as a partner's tool would: KML through @tmcw/togeojson, CoT
// through @tak-ps/node-cot's own parser (which validates each event against its schema).
import { DOMParser } from '@xmldom/xmldom';
import { kml } from '@tmcw/togeojson';
import { CoTParser } from '@tak-ps/node-cot';
import Papa from 'papaparse';

export const readKmlFile = (text: string) => kml(new DOMParser().parseFromString(text, 'text/xml'));

export const readCsv = (text: string) =>
  Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;

/** Every event of a CoT file, each parsed and schema-checked by node-cot (throws on an invalid one). */
export const readCot = (text: string) =>
  text
    .split('\n')
    .filter(Boolean)
    .map((xml) => CoTParser.from_xml(xml));
