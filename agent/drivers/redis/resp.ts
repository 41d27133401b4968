// A small RESP2 client, enough for the driver: one command at a time on a connection, each with a
// deadline, AUTH at connect. Replies are decoded incrementally (parseReply) as bytes arrive.
import { connect, type Socket } from "node:net";

/** An error reply (-ERR …, -READONLY …): the server answered, and said no. */
export class ReplyError extends Error {}

export type Reply = string | number | null | Reply[];

/** One reply from `buf` at `at`, and where the next begins; null when the bytes end before it does. */
export function parseReply(buf: Buffer, at = 0): { value: Reply | ReplyError; next: number } | null {
  const eol = buf.indexOf("\r\n", at);
  if (eol < 0) return null;
  const line = buf.toString("utf8", at + 1, eol);
  const next = eol + 2;
  switch (String.fromCharCode(buf[at]!)) {
    case "+":
      return { value: line, next };
    case "-":
      return { value: new ReplyError(line), next };
    case ":":
      return { value: Number(line), next };
    case "$": {
      const length = Number(line);
      if (length < 0) return { value: null, next };
      if (buf.length < next + length + 2) return null;
      return { value: buf.toString("utf8", next, next + length), next: next + length + 2 };
    }
    case "*": {
      const count = Number(line);
      if (count < 0) return { value: null, next };
      const items: Reply[] = [];
      let from = next;
      for (let i = 0; i < count; i++) {
        const item = parseReply(buf, from);
        if (!item) return null;
        // An error inside an array (EXEC) is kept as its text: the driver sends no MULTI.
        items.push(item.value instanceof ReplyError ? item.value.message : item.value);
        from = item.next;
      }
      return { value: items, next: from };
    }
    default:
      throw new Error(`not a RESP reply: ${JSON.stringify(buf.toString("utf8", at, Math.min(eol, at + 40)))}`);
  }
}

export function encodeCommand(argv: string[]): Buffer {
  const parts = argv.map((arg) => `$${Buffer.byteLength(arg)}\r\n${arg}\r\n`);
  return Buffer.from(`*${argv.length}\r\n${parts.join("")}`);
}

export interface RedisAddress {
  host: string;
  port: number;
  username?: string;
  password?: string;
}

export interface RedisConnection {
  /** Resolves with the reply, rejects with a ReplyError, or with an Error when `timeoutMs` passes first. */
  command(argv: string[], timeoutMs?: number): Promise<Reply>;
  close(): void;
}

export async function connectRedis(address: RedisAddress, timeoutMs: number): Promise<RedisConnection> {
  const socket = await open(address, timeoutMs);
  let buffered = Buffer.alloc(0);
  let waiting: { resolve(value: Reply): void; reject(error: Error): void } | null = null;
  let broken: Error | null = null;
  const fail = (error: Error) => {
    broken ??= error;
    waiting?.reject(error);
    waiting = null;
    socket.destroy();
  };
  socket.on("data", (chunk) => {
    buffered = Buffer.concat([buffered, chunk]);
    try {
      const reply = parseReply(buffered);
      if (!reply || !waiting) return;
      buffered = buffered.subarray(reply.next);
      const { resolve, reject } = waiting;
      waiting = null;
      if (reply.value instanceof ReplyError) reject(reply.value);
      else resolve(reply.value);
    } catch (error) {
      fail(error as Error);
    }
  });
  socket.on("error", fail);
  socket.on("close", () => fail(new Error(`${address.host}:${address.port} closed the connection`)));
  const connection: RedisConnection = {
    command(argv, ms = timeoutMs) {
      if (broken) return Promise.reject(broken);
      return new Promise<Reply>((resolve, reject) => {
        const timer = setTimeout(() => fail(new Error(`${argv[0]} got no answer within ${ms} ms`)), ms);
        waiting = {
          resolve: (value) => {
            clearTimeout(timer);
            resolve(value);
          },
          reject: (error) => {
            clearTimeout(timer);
            reject(error);
          },
        };
        socket.write(encodeCommand(argv));
      });
    },
    close: () => socket.destroy(),
  };
  if (address.password !== undefined) {
    const auth = address.username ? ["AUTH", address.username, address.password] : ["AUTH", address.password];
    await connection.command(auth).catch((error: Error) => {
      connection.close();
      throw error;
    });
  }
  return connection;
}

function open(address: RedisAddress, timeoutMs: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: address.host, port: address.port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no connection to ${address.host}:${address.port} within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once("connect", () => {
      clearTimeout(timer);
      socket.setNoDelay(true);
      resolve(socket);
    });
    socket.once("error", (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(
        error.code === "ECONNREFUSED" ? new Error(`${address.host}:${address.port} refused the connection`) : error,
      );
    });
  });
}

/** Runs `work` on a connection of its own, closed afterwards whatever happens. */
export async function withRedis<T>(
  address: RedisAddress,
  timeoutMs: number,
  work: (redis: RedisConnection) => Promise<T>,
): Promise<T> {
  const redis = await connectRedis(address, timeoutMs);
  try {
    return await work(redis);
  } finally {
    redis.close();
  }
}
