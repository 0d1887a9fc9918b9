/** How a request keeps its version (its lane) from hop to hop. */
export enum LaneMode {
  /**
   * Each later VirtualService matches the labels of the calling pod (`sourceLabels`).
   * Needs no application change, but a lane stops at the first service that lacks its version.
   */
  SOURCE_LABELS = 'sourceLabels',
  /**
   * The entry stamps the lane into a request header and every later VirtualService routes on it.
   * The lane survives gaps, but every application must forward the header, as it forwards trace headers.
   */
  HEADER = 'header',
}
