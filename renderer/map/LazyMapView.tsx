// The map, loaded as its own chunk (maplibre-gl is most of the renderer's JavaScript): the top
// bar, the side panel and the sign-in screen paint without waiting for it.
import { lazy, Suspense, useEffect, type ComponentProps } from 'react';
import { useStoreApi } from '../state/hooks';
import { startMark } from './start-marks';

const Loaded = lazy(() => {
  startMark('chunk-asked');
  return import('./MapView').then((m) => {
    startMark('chunk-loaded');
    return { default: m.MapView };
  });
});

export function MapView(props: ComponentProps<typeof Loaded>) {
  // The map is on screen but cannot draw yet: the incidents' points wait for it (MapView's load).
  const store = useStoreApi();
  useEffect(() => {
    store.getState().setMapWaiting(true);
    return () => store.getState().setMapWaiting(false);
  }, [store]);
  return (
    <Suspense fallback={<div className="map-wrap" data-testid="map-loading" />}>
      <Loaded {...props} />
    </Suspense>
  );
}
