// Where the app lives, found from the bench bundle's own location (it runs from node_modules/.cache).
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appPaths, findAppRoot } from '../../../electron/app-root.js';

export const paths = appPaths(findAppRoot(dirname(fileURLToPath(import.meta.url))));
