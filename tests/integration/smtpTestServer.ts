import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  raw: string;
}

export interface TestSmtp {
  url: string;
  received: ReceivedMail[];
  /** How many DATA commands reached the server, refused or not. */
  attempts(): number;
  /** Answer the next `count` mails with 451 (temporarily refused). */
  refuseNext(count: number): void;
  /** Hold every mail from now on: take its data and never answer (a server that hangs). */
  hold(): void;
  close(): Promise<void>;
}

/** A real SMTP server in this process, on port 0, without TLS or login (tests only). */
export async function startSmtp(): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  let attempts = 0;
  let refuse = 0;
  let holding = false;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream: SMTPServerDataStream, session, callback) {
      attempts++;
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (holding) return;
        if (refuse > 0) {
          refuse--;
          const error = Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 });
          callback(error);
          return;
        }
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    attempts: () => attempts,
    refuseNext(count) {
      refuse = count;
    },
    hold() {
      holding = true;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The decoded text body of a received mail (nodemailer sends quoted-printable for umlauts). */
export function textOf(mail: ReceivedMail): string {
  const [head = '', ...rest] = mail.raw.split('\r\n\r\n');
  const body = rest.join('\r\n\r\n');
  if (!/quoted-printable/i.test(head)) return body;
  return Buffer.from(
    body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');
}

/** The decoded Subject header (RFC 2047 encoded words). */
export function subjectOf(mail: ReceivedMail): string {
  const match = /^Subject: (.*(?:\r\n[ \t].*)*)/m.exec(mail.raw);
  const value = (match?.[1] ?? '').replace(/\r\n[ \t]/g, ' ');
  return value.replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_m, enc: string, text: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/g, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
  );
}
