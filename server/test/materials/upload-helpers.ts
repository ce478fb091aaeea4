import type { MaterialFile, UploadTicket } from '@beian/shared';
import { api, type ApiAnswer } from '../support/test-app';

type Client = ReturnType<typeof api>;

/** What the mini-program does with a ticket: an absolute-path URL goes to the API, a full URL (presigned S3/COS) as it is. */
export async function putBytes(base: string, ticket: UploadTicket, bytes: Buffer): Promise<number> {
  const url = ticket.uploadUrl.startsWith('/') ? `${base}${ticket.uploadUrl}` : ticket.uploadUrl;
  const res = await fetch(url, { method: ticket.method, headers: ticket.headers, body: bytes });
  await res.arrayBuffer();
  return res.status;
}

/** Ticket → PUT → confirm; returns the confirm answer (or the failed ticket answer). */
export async function upload(
  base: string,
  client: Client,
  ticketPath: string,
  request: Record<string, unknown>,
  bytes: Buffer,
): Promise<ApiAnswer & { ticket?: UploadTicket }> {
  const ticket = await client.post<UploadTicket>(ticketPath, { size: bytes.length, ...request });
  if (ticket.status !== 201) return ticket;
  const put = await putBytes(base, ticket.body, bytes);
  if (put < 200 || put >= 300) throw new Error(`PUT failed: ${put}`);
  const confirmed = await client.post<MaterialFile>(`/api/uploads/${ticket.body.uploadId}/confirm`);
  return { ...confirmed, ticket: ticket.body };
}
