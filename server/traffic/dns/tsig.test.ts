import { expect, it } from "vitest";
import { capturedId, capturedKey, capturedRequest, capturedResponse, capturedTime } from "./knot-exchange.fixture.ts";
import { parseMessage } from "./message.ts";
import { readTsig, responseProblem, signRequest } from "./tsig.ts";

const requestTsig = () => readTsig(parseMessage(capturedRequest))!;
const unsignedRequest = () => {
  const bytes = Buffer.from(capturedRequest.subarray(0, requestTsig().offset));
  bytes.writeUInt16BE(0, 10);
  return bytes;
};
const responseTsig = (response = capturedResponse) => readTsig(parseMessage(response))!;

it("signs a request with the MAC and TSIG record knsupdate sent for the same message, key and time", () => {
  const { signed, mac } = signRequest(unsignedRequest(), capturedKey, capturedTime);
  expect(signed.toString("hex")).toBe(capturedRequest.toString("hex"));
  expect(mac).toEqual(requestTsig().mac);
});

it("reads the request's TSIG record", () => {
  expect(requestTsig()).toMatchObject({
    keyName: "update-key",
    algorithm: "hmac-sha256",
    timeSigned: capturedTime,
    fudge: 300,
    originalId: capturedId,
    error: 0,
  });
});

it("verifies knotd's signed response over the request's MAC", () => {
  expect(responseProblem(capturedResponse, responseTsig(), capturedKey, requestTsig().mac, capturedTime)).toBeNull();
});

it("rejects the response when one byte of it changed, or under another request's MAC", () => {
  const forged = Buffer.from(capturedResponse);
  forged.writeUInt8(forged.readUInt8(3) ^ 0x01, 3);
  const problem = responseProblem(forged, responseTsig(forged), capturedKey, requestTsig().mac, capturedTime);
  expect(problem).toEqual({ code: "BADSIG", reason: "its TSIG MAC does not verify" });
  const otherMac = Buffer.alloc(32, 1);
  expect(responseProblem(capturedResponse, responseTsig(), capturedKey, otherMac, capturedTime)?.code).toBe("BADSIG");
});

it("rejects a response signed with another key or too far from this host's clock", () => {
  const otherKey = { ...capturedKey, name: "other-key" };
  expect(responseProblem(capturedResponse, responseTsig(), otherKey, requestTsig().mac, capturedTime)?.reason).toMatch(
    /signed with the key "update-key"/,
  );
  const late = responseProblem(capturedResponse, responseTsig(), capturedKey, requestTsig().mac, capturedTime + 301);
  expect(late?.code).toBe("BADTIME");
});
