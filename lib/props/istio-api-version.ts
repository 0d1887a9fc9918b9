/** The `networking.istio.io` API version written into Istio objects. */
export enum IstioApiVersion {
  /** `networking.istio.io/v1beta1`, served by every supported Istio release. */
  V1BETA1 = 'v1beta1',
  /** `networking.istio.io/v1`, served from Istio 1.22. */
  V1 = 'v1',
}
