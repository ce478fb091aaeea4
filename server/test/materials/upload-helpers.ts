import type { MaterialFile, UploadTicket } from '@beian/shared';
import { api, type ApiAnswer } from '../support/test-app';

type Client = ReturnType<typeof api>;

export async function putBytes(base: string, ticket: UploadTicket, bytes: Buffer): Promise<number> {
  const res = await fetch(`${base}${ticket.uploadUrl}`, { method: 'PUT', headers: ticket.headers, body: bytes });
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
  if (put !== 204) throw new Error(`PUT failed: ${put}`);
  const confirmed = await client.post<MaterialFile>(`/api/uploads/${ticket.body.uploadId}/confirm`);
  return { ...confirmed, ticket: ticket.body };
}
