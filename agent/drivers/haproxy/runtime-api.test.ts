import { describe, expect, it } from "vitest";
import { parseShowStat } from "./runtime-api.ts";

// The head of a real `show stat` answer (HAProxy 2.6), trimmed to the columns read and a few more.
const HEADER =
  "# pxname,svname,qcur,qmax,scur,smax,slim,stot,bin,bout,dreq,dresp,ereq,econ,eresp,wretr,wredis," +
  "status,weight,act,bck,chkfail,chkdown,lastchg,downtime,qlimit,pid,iid,sid,throttle,lbtot," +
  "tracked,type,rate,rate_lim,rate_max,check_status,check_code,check_duration,hrsp_1xx,hrsp_2xx," +
  "hrsp_3xx,hrsp_4xx,hrsp_5xx,hrsp_other,hanafail,req_rate";
const CSV = `${HEADER}
api,FRONTEND,,,3,5,2000,40,,,,,,,,,,OPEN,,,,,,,,,1,2,0,,,,0,7,0,9,,,,,,,,,,,,12
api,api-1,0,0,2,3,,20,,,,,,0,0,0,0,UP,100,1,0,0,0,10,0,,1,3,1,,20,,2,4,,6,,,,,,,,,,0,
api,api-2,0,0,1,2,,20,,,,,,0,0,0,0,DRAIN,50,1,0,0,0,10,0,,1,3,2,,20,,2,3,,5,,,,,,,,,,0,
api,BACKEND,0,0,3,5,200,40,,,,,,0,0,0,0,UP,150,2,0,,0,10,0,,1,3,0,,40,,1,7,,9,,,,,,,,,,,,12
`;

describe("parseShowStat", () => {
  it("reads each server's state, weight, sessions and rates; skips the frontend and backend rows", () => {
    expect(parseShowStat(CSV)).toEqual([
      {
        backend: "api",
        server: "api-1",
        status: "UP",
        weight: 100,
        currentSessions: 2,
        requestRate: null,
        sessionRate: 4,
      },
      {
        backend: "api",
        server: "api-2",
        status: "DRAIN",
        weight: 50,
        currentSessions: 1,
        requestRate: null,
        sessionRate: 3,
      },
    ]);
  });
});
