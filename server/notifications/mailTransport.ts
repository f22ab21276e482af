import type { Transporter } from 'nodemailer';

/** One mail as the worker hands it over. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** The outbox key: sent as Message-ID, so a receiving system can recognise a duplicate too. */
  key: string;
}

export interface MailTransport {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** SMTP through nodemailer, from SMTP_URL (e.g. smtp://user:pass@mail.example:587). */
export function smtpTransport(smtpUrl: string, from: string): MailTransport {
  // nodemailer is loaded with the first mail, not at start: most hours send none.
  let transporter: Promise<Transporter> | null = null;
  const connect = () => (transporter ??= import('nodemailer').then(({ default: nodemailer }) => nodemailer.createTransport(smtpUrl)));
  return {
    async send(message) {
      const domain = from.replace(/^.*@/, '').replace(/>$/, '') || 'vereinbar';
      await (await connect()).sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        messageId: `<${message.key.replace(/[^A-Za-z0-9.:-]/g, '-')}@${domain}>`,
      });
    },
    close() {
      // A transport that never came up (nodemailer failed to load) has nothing to close; its error
      // reached the mail that asked for it.
      void transporter?.then(
        (open) => open.close(),
        () => {},
      );
    },
  };
}

/** The SMTP reply code of a failed send (nodemailer sets `responseCode`), if there was one. */
export function smtpCode(error: unknown): number | null {
  if (typeof error === 'object' && error !== null && 'responseCode' in error && typeof error.responseCode === 'number') return error.responseCode;
  return null;
}
