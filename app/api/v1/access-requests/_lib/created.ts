type THandler = (
  request: Request,
  context: { params: Promise<Record<string, string | string[] | undefined>> },
) => Promise<Response>;

/** A creating POST answers 201 Created (withAuth answers 200 for every success). */
export function created(handler: THandler): THandler {
  return async (request, context) => {
    const response = await handler(request, context);
    if (response.status !== 200) return response;
    return new Response(response.body, { status: 201, headers: response.headers });
  };
}
