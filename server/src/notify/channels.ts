import nodemailer from 'nodemailer';
import type { notifications } from '../db/schema.js';
import { redactSecrets } from './redact.js';
import { logger } from '../core/logger.js';

export type Notice = typeof notifications.$inferSelect;

/** A way to reach people. `send` throws when delivery failed and should be retried. */
export interface Channel {
  send(notice: Notice): Promise<void>;
}

export interface ChannelConfig {
  smsGatewayUrl?: string;
  smsGatewayToken?: string;
  smtpUrl?: string;
  mailFrom?: string;
}

/**
 * The default: notices are written to the server log (and so are never lost in a demo), without
 * the lookup secret: logs are read, shipped and kept by more people than the citizen.
 */
export const logChannel: Channel = {
  async send(notice) {
    logger.info(
      { notice: notice.id, channel: notice.channel },
      `notice ${notice.channel} → ${notice.recipient}: ${notice.subject} | ${redactSecrets(notice.body)}`,
    );
  },
};

/**
 * SMS through an HTTP gateway. The notice id goes as the idempotency key: after a crash
 * between the gateway's answer and our acknowledgement, the retry carries the same key and
 * the gateway drops the duplicate.
 */
export function smsChannel(url: string, token: string | undefined): Channel {
  return {
    async send(notice) {
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': notice.id,
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ to: notice.recipient, message: notice.body, reference: notice.id }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
    },
  };
}

/** E-mail over SMTP; the notice id makes the Message-ID, so a resend is recognisably the same mail. */
export function emailChannel(smtpUrl: string, from: string): Channel {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(notice) {
      await transport.sendMail({
        from,
        to: notice.recipient,
        subject: notice.subject,
        text: notice.body,
        messageId: `<${notice.id}@motcua>`,
      });
    },
  };
}

/** The channel for each kind of address; anything unconfigured falls back to the log. */
export function channelsFrom(config: ChannelConfig): Record<string, Channel> {
  return {
    log: logChannel,
    sms: config.smsGatewayUrl ? smsChannel(config.smsGatewayUrl, config.smsGatewayToken) : logChannel,
    email: config.smtpUrl ? emailChannel(config.smtpUrl, config.mailFrom ?? 'motcua@localhost') : logChannel,
  };
}
