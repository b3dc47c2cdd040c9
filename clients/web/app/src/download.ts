// A file the server prepares (prepare_download): asks for a one-time link and lets the browser
// fetch it, so the file lands in the downloads folder under the server's file name.
import type { PlenumClient } from "./client";

/** Asks the server for a one-time download link (`fields` as prepare_download takes them) and
 * starts the download; throws the server's refusal. */
export async function serverDownload(client: PlenumClient, fields: Record<string, unknown>): Promise<void> {
  const r = await client.request("prepare_download", fields);
  const a = document.createElement("a");
  a.href = String(r["url"]);
  a.download = String(r["filename"] ?? "");
  document.body.appendChild(a);
  a.click();
  a.remove();
}
