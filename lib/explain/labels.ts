/** Whether `labels` contains every key/value of `required`. */
export function includesLabels(labels: Record<string, string>, required: Record<string, string>): boolean {
  return Object.entries(required).every(([key, value]) => labels[key] === value);
}
