/**
 * E-mail over SMTP with STARTTLS: {@link org.crossingwatch.delivery.mail.MailTarget} sends a
 * plain-text and HTML message per notification.
 */
package org.crossingwatch.delivery.mail;
