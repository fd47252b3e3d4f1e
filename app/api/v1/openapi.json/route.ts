import { buildOpenApiDocument } from '@/lib/access/build-openapi-document';

export const dynamic = 'force-dynamic';

/** Public: the API's description holds no data. */
export function GET(request: Request): Response {
  return Response.json(buildOpenApiDocument(new URL(request.url).origin), {
    headers: { 'cache-control': 'public, max-age=300' },
  });
}
