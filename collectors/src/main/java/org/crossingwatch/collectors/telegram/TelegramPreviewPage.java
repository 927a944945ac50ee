package org.crossingwatch.collectors.telegram;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One page of {@code https://t.me/s/<channel>}.
 *
 * @param messages the messages in page order (oldest first, as Telegram shows them)
 * @param before the id to ask {@code ?before=} for the next older page, when the page links one
 * @param channelTitle the channel title in the page header, if shown
 */
public record TelegramPreviewPage(
    List<TelegramMessage> messages, OptionalLong before, Optional<String> channelTitle) {
  public TelegramPreviewPage {
    messages = List.copyOf(messages);
    java.util.Objects.requireNonNull(before, "before");
    java.util.Objects.requireNonNull(channelTitle, "channelTitle");
  }

  /** The smallest message id on the page, if any. */
  public OptionalLong oldestId() {
    return messages.stream().mapToLong(TelegramMessage::id).min();
  }
}
