// The package ships no types; this is its documented signature (README of html-encoding-sniffer 6).
declare module 'html-encoding-sniffer' {
  /**
   * The HTML standard's encoding sniffing: BOM, then `transportLayerEncodingLabel`, then (unless `xml`) the
   * <meta> pre-scan of the first 1024 bytes, then `defaultEncoding`. Returns a WHATWG encoding name.
   */
  export default function sniffHtmlEncoding(
    bytes: Uint8Array,
    options?: { xml?: boolean; transportLayerEncodingLabel?: string; defaultEncoding?: string },
  ): string;
}
