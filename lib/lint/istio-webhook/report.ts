import { formatPath, PathSegment } from '../../diagnostics/problems';

/** Collects the webhook's refusals of one object, each led by the path it is about. */
export class Refusals {
  public readonly messages: string[] = [];

  /** Records a refusal at a path: `spec.http[0].match[0].headers["x lane"]: ...`. */
  public at(path: PathSegment[], message: string): void {
    this.messages.push(`${path.length > 0 ? formatPath(path) : 'the object'}: ${message} (Istio's webhook refuses this)`);
  }
}
