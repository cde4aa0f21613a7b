// Which web permissions the console's window is granted: desktop notifications only, so that an
// alert reaches an officer looking at another window. Camera, microphone, geolocation, clipboard,
// and every other permission stay refused.
export const GRANTED_PERMISSIONS: readonly string[] = ['notifications'];

export const permissionAllowed = (permission: string): boolean => GRANTED_PERMISSIONS.includes(permission);
