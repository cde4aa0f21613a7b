// The wall screen's address: /wall on the browser host (electron/static-paths.ts serves the console
// there). Its sign-in is the wall's: the login and the desk filled in for the wall account.
export const WALL_PATH = '/wall';
export const WALL_LOGIN = 'wall';
export const WALL_DESK = 'Wall';

export const atWall = (): boolean => window.location.pathname === WALL_PATH;
