// The SHA-256 of a large imported file's content, off the page's thread
// (src/platform/hash.rs): the page decodes the records meanwhile.
// It says 'ready' once, or 'absent' where Web Crypto is not offered; then
// for each message { bytes, start, end } with a port, it answers on that
// port with the digest of bytes[start..end] (an ArrayBuffer), or null.
postMessage(self.crypto && self.crypto.subtle ? 'ready' : 'absent');
onmessage = async ({ data: { bytes, start, end }, ports: [port] }) => {
  try {
    const digest = await crypto.subtle.digest('SHA-256', new Uint8Array(bytes, start, end - start));
    port.postMessage(digest, [digest]);
  } catch {
    port.postMessage(null);
  }
};
