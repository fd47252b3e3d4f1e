/**
 * A page's <title> names the object first, then the page: "Payments · Team". The root layout appends
 * "· Bedrock Access Portal". Use it in generateMetadata: `return { title: pageTitle(team.name, 'Team') }`.
 */
export function pageTitle(object: string | null | undefined, page: string): string {
  return object ? `${object} · ${page}` : page;
}
