/**
 * A model's policy key: the literal the auth policy matches against the request's model query parameter.
 *
 * Public API: MODEL_KEY_RE, isModelKey(value).
 *
 * Why this alphabet: it covers every Bedrock model id, inference-profile id and ARN (`:` and `/` included) and
 * excludes `*` and `?`, which would turn the literal into a wildcard under the Like operators, plus quotes,
 * whitespace, `&`, `=` and `%`, which would make the value ambiguous in a query string.
 */
export const MODEL_KEY_RE = /^[A-Za-z0-9._:/-]{1,256}$/;

export function isModelKey(value: string): boolean {
  return MODEL_KEY_RE.test(value);
}
