package io.bazaar.server.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.bazaar.server.TcpPorts;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The shop's outgoing mail server: GreenMail on SMTP and IMAP, accepting every recipient and
 * keeping every message in memory, plus a read-only mailbox page for a person. Tests in the same
 * JVM read the messages through {@link #messages()} and {@link #mails()}.
 */
public final class MailServer implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(MailServer.class.getName());

  private final int smtpPort;
  private final int imapPort;
  private final int mailboxPort;
  private GreenMail greenMail;
  private MailboxPage mailboxPage;

  /**
   * @param smtpPort SMTP on 127.0.0.1, where the shop sends
   * @param imapPort IMAP on 127.0.0.1, for a mail client (any user name, any password)
   * @param mailboxPort the mailbox page on 127.0.0.1
   */
  public MailServer(int smtpPort, int imapPort, int mailboxPort) {
    this.smtpPort = smtpPort;
    this.imapPort = imapPort;
    this.mailboxPort = mailboxPort;
  }

  public synchronized MailServer start() throws IOException {
    if (greenMail != null) {
      return this;
    }
    TcpPorts.requireFree(TcpPorts.LOOPBACK, smtpPort, "The mail server (SMTP)");
    TcpPorts.requireFree(TcpPorts.LOOPBACK, imapPort, "The mail server (IMAP)");
    TcpPorts.requireFree(TcpPorts.LOOPBACK, mailboxPort, "The mailbox page");
    GreenMail starting =
        new GreenMail(
                new ServerSetup[] {
                  new ServerSetup(smtpPort, TcpPorts.LOOPBACK, ServerSetup.PROTOCOL_SMTP),
                  new ServerSetup(imapPort, TcpPorts.LOOPBACK, ServerSetup.PROTOCOL_IMAP)
                })
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    starting.start();
    try {
      mailboxPage = MailboxPage.start(this, TcpPorts.LOOPBACK, mailboxPort);
    } catch (IOException | RuntimeException e) {
      starting.stop();
      throw e;
    }
    greenMail = starting;
    LOG.log(
        Level.INFO,
        "Mail server: SMTP {0,number,#}, IMAP {1,number,#}, mailbox {2}",
        smtpPort,
        imapPort,
        mailboxUri());
    return this;
  }

  public synchronized void stop() {
    if (mailboxPage != null) {
      mailboxPage.stop();
      mailboxPage = null;
    }
    if (greenMail != null) {
      greenMail.stop();
      greenMail = null;
    }
  }

  @Override
  public void close() {
    stop();
  }

  public synchronized boolean isRunning() {
    return greenMail != null;
  }

  /** Every message received since the start or the last {@link #clear()}, oldest first. */
  public synchronized List<MimeMessage> messages() {
    requireRunning();
    return Arrays.asList(greenMail.getReceivedMessages());
  }

  /** {@link #messages()}, reduced to from, to, subject, date and text. */
  public List<ReceivedMail> mails() {
    return messages().stream().map(ReceivedMail::of).toList();
  }

  /** Waits until at least {@code count} messages have arrived in total. */
  public boolean awaitMessages(int count, Duration timeout) {
    GreenMail server;
    synchronized (this) {
      requireRunning();
      server = greenMail;
    }
    return server.waitForIncomingEmail(timeout.toMillis(), count);
  }

  /** Deletes every received message. */
  public synchronized void clear() {
    requireRunning();
    try {
      greenMail.purgeEmailFromAllMailboxes();
    } catch (Exception e) {
      throw new IllegalStateException("Could not purge the mailboxes", e);
    }
  }

  public int smtpPort() {
    return smtpPort;
  }

  public int imapPort() {
    return imapPort;
  }

  public int mailboxPort() {
    return mailboxPort;
  }

  public String smtpHost() {
    return TcpPorts.LOOPBACK;
  }

  /** The mailbox page a person opens in a browser. */
  public URI mailboxUri() {
    return URI.create("http://" + TcpPorts.LOOPBACK + ":" + mailboxPort + "/");
  }

  private void requireRunning() {
    if (greenMail == null) {
      throw new IllegalStateException("The mail server is not running");
    }
  }
}
