// One real exchange, captured on the wire: knsupdate (Knot 3.2.6) sent this UPDATE for example.test,
// signed with update-key, and knotd answered it. The unit tests rebuild and verify it byte for byte.
import type { TsigKey } from "./tsig.ts";

export const capturedKey: TsigKey = {
  name: "update-key",
  algorithm: "hmac-sha256",
  secret: Buffer.from("c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3I=", "base64"),
};

/** delete db A, delete db AAAA, add db 30 A 192.0.2.10, add db 30 AAAA 2001:db8::10 */
export const capturedRequest = Buffer.from(
  "791228000001000000040001076578616d706c6504746573740000060001026462c00c000100ff000000000000c01e001c00" +
    "ff000000000000c01e000100010000001e0004c000020ac01e001c00010000001e001020010db80000000000000000000000" +
    "100a7570646174652d6b65790000fa00ff00000000003d0b686d61632d7368613235360000006b108a00012c00205bd861a9" +
    "e25390910972786aecc9543fc69946bc2d93c8f6df297dc1b8860d81791200000000",
  "hex",
);

export const capturedResponse = Buffer.from(
  "7912a8000001000000000001076578616d706c65047465737400000600010a7570646174652d6b65790000fa00ff00000000" +
    "003d0b686d61632d7368613235360000006b108a00012c0020c4b2d1f4aa7f7fc8a9e75e1c551d3cb30baf081b9ae42df15b" +
    "a8dd15dc05f810791200000000",
  "hex",
);

export const capturedId = 0x7912;
/** The request's time signed, seconds since the epoch. */
export const capturedTime = 0x6b108a00;
