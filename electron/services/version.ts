// The app version, injected by the build (esbuild `define`); "dev" when run from source.
declare const __COURIER_VERSION__: string | undefined;

export const VERSION: string = typeof __COURIER_VERSION__ === 'string' ? __COURIER_VERSION__ : 'dev';
