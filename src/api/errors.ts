// Error replies: client mistakes become 4xx with a message that names the problem; only real faults are 5xx.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

export class ApiError extends Error {
  constructor(readonly statusCode: number, message: string) {
    super(message);
  }
}

export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const taxii = req.url.startsWith('/taxii2');
  let status = err.statusCode ?? 500;
  let message = err.message;
  if (err.validation) {
    status = 400;
    message = `invalid request: ${err.validation.map((v) => `${err.validationContext ?? ''}${v.instancePath || ''} ${v.message ?? ''}`.trim()).join('; ')}`;
  } else if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    message = `request body too large (limit ${req.routeOptions.bodyLimit ?? 'exceeded'} bytes)`;
  } else if (err instanceof SyntaxError || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    status = 400;
    message = `request body is not valid JSON: ${err.message}`;
  }
  if (status >= 500) {
    req.log.error({ err }, 'internal error');
    if (process.env.HOPTRACE_API_DEBUG) process.stderr.write(`${err.stack ?? err}\n`);
    message = 'internal error; the server log has the details';
  }
  if (taxii) {
    return reply.code(status).type('application/taxii+json;version=2.1').send({ title: status >= 500 ? 'Internal error' : 'Bad request', description: message, http_status: String(status) });
  }
  return reply.code(status).send({ error: status >= 500 ? 'Internal Server Error' : httpTitle(status), message });
}

function httpTitle(status: number): string {
  return ({ 400: 'Bad Request', 404: 'Not Found', 405: 'Method Not Allowed', 406: 'Not Acceptable', 409: 'Conflict', 413: 'Payload Too Large', 415: 'Unsupported Media Type', 501: 'Not Implemented' } as Record<number, string>)[status] ?? 'Error';
}
