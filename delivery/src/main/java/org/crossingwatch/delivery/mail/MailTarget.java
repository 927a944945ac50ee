package org.crossingwatch.delivery.mail;

import static java.util.Objects.requireNonNull;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.crossingwatch.delivery.DeliveryException;
import org.crossingwatch.delivery.Notification;
import org.crossingwatch.delivery.Secret;
import org.crossingwatch.delivery.Sink;
import org.crossingwatch.delivery.SinkContext;
import org.crossingwatch.delivery.SinkTarget;
import org.crossingwatch.delivery.internal.AlertText;

/**
 * E-mail through an SMTP server. With {@link Security#STARTTLS} (the default) the session refuses
 * to send unless the server upgrades the connection with STARTTLS and presents a certificate valid
 * for {@code host}; {@link Security#NONE} is accepted only for a relay on the loopback interface.
 * Each notification is one {@code multipart/alternative} message with a plain-text and an HTML
 * part, UTF-8, to every recipient.
 *
 * @param host the SMTP server
 * @param port its submission port (587 for STARTTLS)
 * @param security how the connection is protected
 * @param username the login, if the server wants one
 * @param password the password for {@code username}
 * @param from the sender address
 * @param to the recipients, at least one
 */
public record MailTarget(
    String host,
    int port,
    Security security,
    Optional<String> username,
    Optional<Secret> password,
    String from,
    List<String> to)
    implements SinkTarget {

  /** How the SMTP connection is protected. */
  public enum Security {
    /** Upgrade with STARTTLS and verify the server's certificate; refuse to send otherwise. */
    STARTTLS,
    /** No encryption: only for a relay on 127.0.0.1, ::1 or localhost. */
    NONE
  }

  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "::1", "[::1]", "localhost");

  public MailTarget {
    requireNonNull(host, "host");
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("SMTP port must be 1..65535, was " + port);
    }
    requireNonNull(security, "security");
    if (security == Security.NONE && !LOOPBACK.contains(host)) {
      throw new IllegalArgumentException(
          "SMTP security 'none' is only allowed for a relay on the loopback interface, host was '"
              + host
              + "'; use 'starttls'");
    }
    requireNonNull(username, "username");
    requireNonNull(password, "password");
    if (username.isPresent() != password.isPresent()) {
      throw new IllegalArgumentException("SMTP username and password must be given together");
    }
    requireNonNull(from, "from");
    to = List.copyOf(to);
    if (to.isEmpty()) {
      throw new IllegalArgumentException("E-mail sink needs at least one recipient");
    }
    address(from);
    to.forEach(MailTarget::address);
  }

  @Override
  public String type() {
    return "email";
  }

  /** The Jakarta Mail session properties for this target; each timeout is {@code timeout}. */
  public Properties sessionProperties(Duration timeout) {
    Properties props = new Properties();
    String millis = Long.toString(timeout.toMillis());
    props.put("mail.transport.protocol", "smtp");
    props.put("mail.smtp.host", host);
    props.put("mail.smtp.port", Integer.toString(port));
    props.put("mail.smtp.auth", Boolean.toString(username.isPresent()));
    props.put("mail.smtp.connectiontimeout", millis);
    props.put("mail.smtp.timeout", millis);
    props.put("mail.smtp.writetimeout", millis);
    if (security == Security.STARTTLS) {
      props.put("mail.smtp.starttls.enable", "true");
      // Without "required" a server that does not offer STARTTLS would get the mail in clear text.
      props.put("mail.smtp.starttls.required", "true");
      props.put("mail.smtp.ssl.checkserveridentity", "true");
      props.put("mail.smtp.ssl.protocols", "TLSv1.3 TLSv1.2");
    }
    return props;
  }

  @Override
  public Sink open(SinkContext context) {
    Session session = Session.getInstance(sessionProperties(context.timeout()));
    String sink = "sink '" + context.sinkName() + "'";
    return notification -> {
      try {
        MimeMessage message = message(session, notification, context);
        try (Transport transport = session.getTransport("smtp")) {
          if (username.isPresent()) {
            transport.connect(host, port, username.get(), password.get().reveal());
          } else {
            transport.connect();
          }
          transport.sendMessage(message, message.getAllRecipients());
        }
      } catch (AuthenticationFailedException e) {
        throw new DeliveryException(sink + ": SMTP login refused", false);
      } catch (SendFailedException e) {
        throw new DeliveryException(sink + ": SMTP refused the message: " + oneLine(e), false);
      } catch (MessagingException e) {
        throw new DeliveryException(sink + ": SMTP failed: " + oneLine(e), true);
      }
    };
  }

  MimeMessage message(Session session, Notification notification, SinkContext context)
      throws MessagingException {
    MimeMessage message = new MimeMessage(session);
    message.setFrom(address(from));
    message.setRecipients(
        MimeMessage.RecipientType.TO, to.stream().map(MailTarget::address).toArray(Address[]::new));
    message.setSubject(AlertText.subject(notification), "UTF-8");
    message.setSentDate(Date.from(context.clock().instant()));
    message.setHeader("X-CrossingWatch-Delivery", notification.deliveryId());
    MimeBodyPart plain = new MimeBodyPart();
    plain.setText(AlertText.plain(notification), "UTF-8", "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(
        "<!DOCTYPE html><html><body>" + AlertText.html(notification) + "</body></html>",
        "UTF-8",
        "html");
    MimeMultipart alternative = new MimeMultipart("alternative");
    alternative.addBodyPart(plain);
    alternative.addBodyPart(html);
    message.setContent(alternative);
    message.saveChanges();
    return message;
  }

  private static InternetAddress address(String text) {
    try {
      return new InternetAddress(text, true);
    } catch (AddressException e) {
      throw new IllegalArgumentException("Not an e-mail address: '" + text + "'", e);
    }
  }

  private static String oneLine(MessagingException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
