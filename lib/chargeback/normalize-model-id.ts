/**
 * The model id an invocation is priced as. Cross-Region inference profiles (`us.`, `eu.`, `apac.`, … prefixes)
 * price as their base model in the source Region; application inference-profile ARNs are mapped through
 * configuration (PORTAL_INFERENCE_PROFILE_MAP) and otherwise stay as logged, which the price book never matches,
 * so they show as unpriced rather than guessed. A foundation-model ARN names its model.
 */
const CROSS_REGION_PREFIX = /^(us|eu|apac|us-gov|ca|jp|au|global)\.(?=[a-z0-9-]+\.)/;
const FOUNDATION_MODEL_ARN = /^arn:aws[a-z-]*:bedrock:[a-z0-9-]*::foundation-model\/(.+)$/;

export interface TNormalizedModel {
  /** Base model id (the price book's key), or the raw id when it cannot be mapped. */
  model: string;
  /** False when the id is an inference-profile ARN with no configured mapping. */
  mapped: boolean;
}

export function normalizeModelId(
  raw: string,
  profileMap: Readonly<Record<string, string>> = {},
): TNormalizedModel {
  const id = raw.trim();
  const configured = profileMap[id];
  if (configured) return { model: normalizeModelId(configured).model, mapped: true };
  const fm = FOUNDATION_MODEL_ARN.exec(id);
  if (fm) return normalizeModelId(fm[1]!, profileMap);
  if (id.startsWith('arn:')) return { model: id, mapped: false };
  return { model: id.replace(CROSS_REGION_PREFIX, ''), mapped: true };
}
